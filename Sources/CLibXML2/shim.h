#ifndef SAFEGUARD_CLIBXML2_SHIM_H
#define SAFEGUARD_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; importing its ICU headers next to Foundation clashes
// with _FoundationICU, so ICU support is switched off before the reader header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a C global function pointer that Swift 6 refuses to call directly.
static inline void safeguard_xmlFree(void *pointer) { xmlFree(pointer); }
#endif

/// Namespace for the SafeguardImport module; its types arrive with the issue that builds it.
public enum SafeguardImportModule {}

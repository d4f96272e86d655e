/// The one stylesheet, served from `/static/site.css` (same origin, so the CSP allows it).
/// Mobile-first: one column, large tap targets; colours meet WCAG 2.2 AA contrast (text
/// #0b0c0c on white 19.8:1, links #1d4f91 7.9:1, errors #b00020 on white 6.9:1), and a visible
/// focus ring for keyboard users.
enum Stylesheet {
    static let css = """
        *,*::before,*::after{box-sizing:border-box}
        html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#0b0c0c;background:#fff}
        body{margin:0}
        .skip{position:absolute;left:-999px}
        .skip:focus{left:1rem;top:1rem;background:#ffdd00;color:#0b0c0c;padding:.5rem}
        header{background:#0b0c0c;color:#fff;padding:.75rem 1rem}
        header p{margin:0;font-weight:700}
        main{max-width:40rem;margin:0 auto;padding:1rem}
        footer{border-top:1px solid #b1b4b6;padding:1rem;max-width:40rem;margin:0 auto}
        h1{font-size:1.75rem;line-height:1.2}
        h2{font-size:1.35rem;margin-top:2rem}
        a{color:#1d4f91}
        a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
        fieldset{border:0;padding:0;margin:0 0 1.5rem}
        legend{font-weight:700;font-size:1.15rem;margin-bottom:.5rem}
        label{display:block;font-weight:600;margin:.75rem 0 .25rem}
        .hint{color:#505a5f;margin:0 0 .25rem}
        input[type=text],input[type=email],input[type=tel],input[type=date],input[type=time],select,textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0;background:#fff;color:#0b0c0c}
        textarea{min-height:8rem}
        .choice{display:flex;align-items:flex-start;gap:.6rem;margin:.5rem 0}
        .choice input{width:1.5rem;height:1.5rem;margin:.15rem 0 0;flex:none}
        .choice label{font-weight:400;margin:0}
        button,.button{display:inline-block;font:inherit;font-weight:700;padding:.7rem 1.2rem;border:0;background:#00703c;color:#fff;text-decoration:none;cursor:pointer;margin:.5rem 0}
        .button-secondary{background:#f3f2f1;color:#0b0c0c;border:2px solid #0b0c0c}
        .error-summary{border:4px solid #b00020;padding:1rem;margin-bottom:1.5rem}
        .error{color:#b00020;font-weight:700;margin:.25rem 0}
        .has-error input,.has-error textarea,.has-error select{border-color:#b00020}
        .danger{background:#b00020;color:#fff;padding:1rem;margin:1rem 0;font-size:1.2rem}
        .danger a,.danger strong{color:#fff}
        .receipt{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.6rem;letter-spacing:.1em;border:3px dashed #0b0c0c;padding:1rem;text-align:center;word-spacing:.4em}
        .status{border-left:6px solid #1d4f91;padding:.5rem 1rem;background:#f3f2f1}
        .message{border:1px solid #b1b4b6;padding:.75rem;margin:.75rem 0}
        .message .meta{color:#505a5f;margin:0 0 .25rem}
        \(Stylesheet.visuallyHidden)
        @media print{header,footer,.no-print{display:none}.receipt{font-size:1.4rem}}
        input[type=password]{width:100%;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0}
        .officer-nav{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;border-bottom:1px solid #b1b4b6;padding-bottom:.5rem}
        .officer-nav form{margin:0 0 0 auto}
        .counts{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
        table.inbox{border-collapse:collapse;width:100%}
        table.inbox th,table.inbox td{text-align:left;border-bottom:1px solid #b1b4b6;padding:.4rem;vertical-align:top}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
        dl.facts dt{font-weight:700}
        dl.facts dd{margin:0}
        main:has(.officer-nav),body:has(.officer-nav) footer{max-width:72rem}
        .filters select{max-width:24rem}
        .officer-nav a{font-weight:600}
        .lead{font-size:1.15rem}
        .search input[type=text]{max-width:30rem}
        .results{padding-left:1.2rem}
        .results li{margin:.4rem 0}
        form.inline{display:inline}
        form.inline button{margin:0 .5rem 0 0;padding:.3rem .8rem}
        .findings li{margin-bottom:.75rem}
        .findings p{margin:.2rem 0}
        .meta{color:#505a5f}
        .deadline{margin:1rem 0}
        input[type=file]{font:inherit;margin:.25rem 0}
        textarea#letter,textarea#application{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
        """
}

extension Stylesheet {
    /// Text for screen readers only.
    static let visuallyHidden = ".visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
}

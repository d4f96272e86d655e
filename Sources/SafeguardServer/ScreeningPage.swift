import SafeguardCore
import SafeguardReports
import SafeguardPipeline

/// The screening page: the form to upload or paste a licence application, and the result of
/// screening one (the representation deadline first, then the focus points with their
/// evidence, the premises' history, the conditions to ask for) with the draft representation
/// letter in an editable box that downloads as a file. Nothing is sent to anyone.
struct ScreeningPage {
    let nav: String
    let token: String

    /// The upload/paste form, with an error when the last try failed.
    func form(problem: String?, pasted: String, asOf: String) -> String {
        var out = self.nav + "<h1>Screen a licence application</h1>"
        if let problem {
            out += "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2><p class=\"error\">\(HTML.escape(problem).replacingOccurrences(of: "\n", with: "<br>"))</p></div>"
        }
        out += """
            <p>Upload or paste an application in the statutory format (JSON or XML, as <code>safeguard screen</code> reads it). \
            The page shows the last day for representations, the child-protection focus points that apply, the premises' \
            history in the store, and a draft representation letter you can edit and download. Nothing is sent to anyone; \
            the decision is recorded so it can be replayed.</p>
            <form method="post" action="/officer/screen" enctype="multipart/form-data">
            \(CSRFProtection.field(self.token))
            <label for="file">Application file</label>
            <p class="hint" id="file-hint">A .json or .xml file of one application.</p>
            <input type="file" id="file" name="file" accept=".json,.xml,application/json,text/xml,application/xml" aria-describedby="file-hint">
            <label for="application">Or paste the application</label>
            <textarea id="application" name="application" rows="12" spellcheck="false">\(HTML.escape(pasted))</textarea>
            <label for="as-of">Screen as of</label>
            <p class="hint" id="as-of-hint">The day the deadline is counted to (YYYY-MM-DD; today when blank).</p>
            <input type="text" id="as-of" name="as-of" inputmode="numeric" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" value="\(HTML.escape(asOf))" aria-describedby="as-of-hint">
            <button type="submit">Screen the application</button>
            </form>
            """
        return out
    }

    /// The result of one screening and its draft letter.
    func result(_ result: ScreeningResult, letter: String) -> String {
        let premises = result.premises
        var out = self.nav
        out += "<p><a href=\"/officer/screen\">Screen another application</a></p>"
        out += "<h1>Screening of \(HTML.escape(result.reference))</h1>"
        out += "<p class=\"lead\">\(HTML.escape(premises.name))"
        out += [premises.address, premises.postcode].compactMap { $0 }.map { ", " + HTML.escape($0) }.joined()
        out += " · \(HTML.escape(premises.type.replacingOccurrences(of: "-", with: " "))) · \(HTML.escape(result.kind.replacingOccurrences(of: "-", with: " ")))</p>"
        let window = result.window
        let left: String
        if result.daysLeft > 0 {
            left = "\(result.daysLeft) day\(result.daysLeft == 1 ? "" : "s") left as of \(result.asOf)"
        } else if result.daysLeft == 0 {
            left = "the last day is today (\(result.asOf))"
        } else {
            left = "the window closed \(-result.daysLeft) day\(result.daysLeft == -1 ? "" : "s") before \(result.asOf)"
        }
        out += "<div class=\"status deadline\"><p><strong>Last day for representations: \(HTML.escape(window.lastDay.description))</strong> (\(HTML.escape(left)))</p>"
        out += "<p>\(HTML.escape(window.period)) from \(HTML.escape(window.firstDay.description)). \(HTML.escape(window.basis)). Who may make them: \(HTML.escape(window.whoMay)).</p></div>"
        out += "<dl class=\"facts\">"
        out += ReportDetailPage.fact("Band", "\(result.band) (score \(scoreText(result.score)))")
        out += ReportDetailPage.fact("Action", result.action)
        out += ReportDetailPage.fact("Representation advised", result.representation ? "yes" : "no")
        out += ReportDetailPage.fact("Received", result.received.description)
        out += ReportDetailPage.fact("Decision", result.decisionID)
        out += "</dl>"
        out += "<h2>Focus points</h2>"
        if result.findings.isEmpty {
            out += "<p>No child-protection focus point applies.</p>"
        } else {
            out += "<ol class=\"findings\">"
            for finding in result.findings {
                out += "<li><p><strong>\(HTML.escape(finding.title))</strong> (\(finding.contribution >= 0 ? "+" : "")\(scoreText(finding.contribution)))</p>"
                out += "<p>\(HTML.escape(finding.explanation))</p><p class=\"meta\">Source: \(HTML.escape(finding.source))</p>"
                if !finding.evidence.isEmpty {
                    out += "<ul>"
                    for item in finding.evidence.prefix(5) {
                        out += "<li>\(HTML.escape(item.date?.description ?? "undated")) · \(HTML.escape(item.source.rawValue)) · \(HTML.escape(item.sign)): “\(HTML.escape(item.snippet))”</li>"
                    }
                    if finding.evidence.count > 5 { out += "<li>… and \(finding.evidence.count - 5) more</li>" }
                    out += "</ul>"
                }
                out += "</li>"
            }
            out += "</ol>"
        }
        out += "<h2>History of the premises</h2>"
        if let history = result.history {
            out += "<p>\(HTML.escape(ApplicationScreening.historySummary(history)))</p>"
        } else {
            out += "<p>The store knows no premises of this name at this postcode or UPRN.</p>"
        }
        out += "<h2>Conditions to ask for</h2>"
        if result.conditions.isEmpty {
            out += "<p>None.</p>"
        } else {
            out += "<ul>"
            for condition in result.conditions {
                out += "<li><p><strong>\(HTML.escape(condition.title))</strong>: \(HTML.escape(condition.wording))</p><p class=\"meta\">Why here: \(HTML.escape(condition.explanation)) Proportionate: \(HTML.escape(condition.proportionality))</p></li>"
            }
            out += "</ul>"
        }
        if !result.volunteered.isEmpty {
            out += "<h2>Volunteered in the operating schedule</h2><ul>"
            for step in result.volunteered {
                out += "<li>\(HTML.escape(step.title)): “\(HTML.escape(step.text))”</li>"
            }
            for spared in result.notNeeded {
                out += "<li>Not asked for: \(HTML.escape(spared.title)) (already volunteered: \(HTML.escape(spared.coveredBy.joined(separator: ", "))))</li>"
            }
            out += "</ul>"
        }
        if !result.warnings.isEmpty {
            out += "<h2>Warnings</h2><ul>" + result.warnings.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
        }
        out += """
            <h2>Draft representation letter</h2>
            <form method="post" action="/officer/screen/letter">
            \(CSRFProtection.field(self.token))
            <input type="hidden" name="reference" value="\(HTML.escape(result.reference))">
            <label for="letter">Letter (Markdown; edit before downloading)</label>
            <p class="hint" id="letter-hint">Check every ground against the evidence. The draft speaks of grounds for action, never of guilt.</p>
            <textarea id="letter" name="letter" rows="24" aria-describedby="letter-hint">\(HTML.escape(letter))</textarea>
            <fieldset><legend>Download as</legend>
            <div class="choice"><input type="radio" id="format-md" name="format" value="md" checked><label for="format-md">Markdown (.md)</label></div>
            <div class="choice"><input type="radio" id="format-html" name="format" value="html"><label for="format-html">Printable A4 page (.html)</label></div>
            </fieldset>
            <button type="submit">Download the letter</button>
            </form>
            """
        return out
    }
}

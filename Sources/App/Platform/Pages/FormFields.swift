import LegalAidCore
import Vapor

/// Form controls that show their error beside them (in Chinese) and keep what was typed.
struct FormErrors: Sendable {
    var byField: [String: String] = [:]

    init(_ errors: [FieldError] = []) {
        for error in errors where byField[error.field] == nil { byField[error.field] = error.message }
    }

    subscript(field: String) -> String? { byField[field] }
    var isEmpty: Bool { byField.isEmpty }

    /// The summary at the top of a form, each line linking to its field (in the form scoped
    /// `scope`, when the page holds several forms).
    func summary(labels: [String: String] = [:], scope: String? = nil) -> HTML {
        guard !byField.isEmpty else { return .empty }
        let items: [HTML] = byField.sorted { $0.key < $1.key }.map { field, message in
            "<li><a href=\"#\(Fields.domID(field, scope: scope))\">\(message)</a></li>"
        }
        return """
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
          <h2>请修改以下\(byField.count)处后再提交</h2>
          <ul>\(items)</ul>
        </div>
        """
    }
}

enum Fields {
    static func domID(_ name: String, scope: String? = nil) -> String {
        "f-" + (scope.map { $0 + "-" } ?? "") + name.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "[]", with: "")
    }

    /// The same fields with ids unique to one form, for pages that show several forms with a
    /// field of the same name (a `reason` to return and a `reason` to withdraw).
    static func scoped(_ scope: String, _ fields: HTML) -> HTML {
        var raw = fields.raw
        for attribute in ["id=\"f-", "for=\"f-"] {
            raw = raw.replacingOccurrences(of: attribute, with: attribute + scope + "-")
        }
        // aria-describedby may list several ids.
        let marker = "aria-describedby=\""
        var out = ""
        var rest = Substring(raw)
        while let start = rest.range(of: marker) {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            out += rest[..<end].split(separator: " ").map { $0.hasPrefix("f-") ? "f-\(scope)-" + $0.dropFirst(2) : String($0) }.joined(separator: " ")
            rest = rest[end...]
        }
        out += rest
        return HTML(raw: out)
    }

    private static func wrap(_ name: String, _ label: String, hint: String?, error: String?, required: Bool, control: HTML) -> HTML {
        let id = domID(name)
        return """
        <div class="field\(error == nil ? "" : " has-error")">
          <label for="\(id)">\(label)\(required ? "" : "（选填）")</label>
          \(hint.map { h -> HTML in "<p class=\"hint\" id=\"\(id)-hint\">\(h)</p>" })
          \(control)
          \(error.map { e -> HTML in "<p class=\"field-error\" id=\"\(id)-error\">\(e)</p>" })
        </div>
        """
    }

    private static func describedBy(_ name: String, hint: String?, error: String?) -> HTML {
        let id = domID(name)
        let ids = [hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-error"].compactMap { $0 }
        guard !ids.isEmpty else { return .empty }
        return " aria-describedby=\"\(ids.joined(separator: " "))\"" + (error == nil ? "" : " aria-invalid=\"true\"")
    }

    static func text(_ name: String, _ label: String, value: String, errors: FormErrors, hint: String? = nil, type: String = "text",
                     required: Bool = true, autocomplete: String? = nil, inputmode: String? = nil) -> HTML {
        let error = errors[name]
        let extra: HTML = HTML(raw: (autocomplete.map { " autocomplete=\"\(HTML.escape($0))\"" } ?? "") + (inputmode.map { " inputmode=\"\(HTML.escape($0))\"" } ?? ""))
        return wrap(name, label, hint: hint, error: error, required: required, control: """
        <input type="\(type)" id="\(domID(name))" name="\(name)" value="\(value)"\(describedBy(name, hint: hint, error: error))\(extra)>
        """)
    }

    /// One file: images or PDF (the server checks the content; `accept` only helps the picker).
    static func file(_ name: String, _ label: String, errors: FormErrors, hint: String? = nil, required: Bool = true,
                     accept: String = "image/*,application/pdf") -> HTML {
        let error = errors[name]
        return wrap(name, label, hint: hint, error: error, required: required, control: """
        <input type="file" id="\(domID(name))" name="\(name)" accept="\(accept)"\(describedBy(name, hint: hint, error: error))>
        """)
    }

    static func textarea(_ name: String, _ label: String, value: String, errors: FormErrors, hint: String? = nil, required: Bool = true) -> HTML {
        let error = errors[name]
        return wrap(name, label, hint: hint, error: error, required: required, control: """
        <textarea id="\(domID(name))" name="\(name)" rows="4"\(describedBy(name, hint: hint, error: error))>\(value)</textarea>
        """)
    }

    static func select(_ name: String, _ label: String, options: [(value: String, label: String)], selected: String?, errors: FormErrors,
                       hint: String? = nil, required: Bool = true, placeholder: String = "请选择") -> HTML {
        let error = errors[name]
        let items: [HTML] = options.map { option in
            "<option value=\"\(option.value)\"\(HTML(raw: option.value == selected ? " selected" : ""))>\(option.label)</option>"
        }
        return wrap(name, label, hint: hint, error: error, required: required, control: """
        <select id="\(domID(name))" name="\(name)"\(describedBy(name, hint: hint, error: error))><option value="">\(placeholder)</option>\(items)</select>
        """)
    }

    static func checkboxes(_ name: String, _ legend: String, options: [(value: String, label: String)], checked: Set<String>, errors: FormErrors,
                           hint: String? = nil) -> HTML {
        let items: [HTML] = options.enumerated().map { index, option in
            let id = domID(name) + "-\(index)"
            return "<label for=\"\(id)\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(name)\" value=\"\(option.value)\"\(HTML(raw: checked.contains(option.value) ? " checked" : ""))> <span>\(option.label)</span></label>"
        }
        return """
        <fieldset class="choices" id="\(domID(name))"><legend>\(legend)</legend>
        \(hint.map { h -> HTML in "<p class=\"hint\">\(h)</p>" })
        \(items)
        \(errors[name].map { e -> HTML in "<p class=\"field-error\">\(e)</p>" })
        </fieldset>
        """
    }

    static func checkbox(_ name: String, _ label: String, checked: Bool, errors: FormErrors, value: String = "true") -> HTML {
        let id = domID(name)
        return """
        <div class="field choices\(errors[name] == nil ? "" : " has-error")">
          <label for="\(id)"><input type="checkbox" id="\(id)" name="\(name)" value="\(value)"\(HTML(raw: checked ? " checked" : ""))> <span>\(label)</span></label>
          \(errors[name].map { e -> HTML in "<p class=\"field-error\" id=\"\(id)-error\">\(e)</p>" })
        </div>
        """
    }

    /// Every posted form: the session's CSRF token and a one-time token that makes a second
    /// post of the same form show the first one's result (`OneTimeForms`).
    static func csrf(_ token: String) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\"><input type=\"hidden\" name=\"_once\" value=\"\(OneTimeForms.newToken())\">"
    }
    static func hidden(_ name: String, _ value: String) -> HTML { "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">" }
}

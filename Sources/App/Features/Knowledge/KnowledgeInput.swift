import Foundation
import LegalAidCore
import KnowledgeCore

/// An entry as staff write it (page form or API), checked field by field.
struct KnowledgeInput: Sendable, Equatable {
    var kind: KnowledgeKind
    var title: String
    var body: String
    var note: String

    static func parse(kind: String?, title: String?, body: String?, note: String?) -> Result<KnowledgeInput, FieldErrors> {
        var errors: [FieldError] = []
        let kind = KnowledgeKind(rawValue: kind ?? "")
        if kind == nil { errors.append(FieldError(field: "kind", code: "invalidChoice", message: "请选择栏目：普法文章、法律法规、典型案例或常见问题")) }
        let title = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !KnowledgeRules.titleLength.contains(title.count) {
            errors.append(FieldError(field: "title", code: title.isEmpty ? "required" : "outOfRange",
                                     message: "标题应为\(KnowledgeRules.titleLength.lowerBound)到\(KnowledgeRules.titleLength.upperBound)个字"))
        }
        let body = (body ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty {
            errors.append(FieldError(field: "body", code: "required", message: "请填写正文"))
        } else if body.count > KnowledgeRules.bodyLength.upperBound {
            errors.append(FieldError(field: "body", code: "tooLong", message: "正文不能超过\(KnowledgeRules.bodyLength.upperBound)字，请分篇录入"))
        } else if kind == .law, LawText.articles(body).isEmpty {
            errors.append(FieldError(field: "body", code: "noArticles", message: "法律法规须逐条录入，每条另起一行，以“第一条　”这样的条号开头"))
        }
        for (field, text, label) in [("title", title, "标题"), ("body", body, "正文")] where text.unicodeScalars.contains(where: isControl) {
            errors.append(FieldError(field: field, code: "invalidCharacters", message: "\(label)含有无法显示的控制字符，请删去后再保存"))
        }
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 200 { errors.append(FieldError(field: "note", code: "tooLong", message: "修改说明不能超过200字")) }
        if note.unicodeScalars.contains(where: isControl) {
            errors.append(FieldError(field: "note", code: "invalidCharacters", message: "修改说明含有无法显示的控制字符"))
        }
        guard errors.isEmpty, let kind else { return .failure(FieldErrors(errors)) }
        return .success(KnowledgeInput(kind: kind, title: title, body: body, note: note))
    }

    /// Control characters other than line breaks and tabs (NUL cannot even be stored by PostgreSQL).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
    }
}

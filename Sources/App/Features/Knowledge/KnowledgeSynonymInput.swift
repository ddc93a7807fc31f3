import Foundation
import KnowledgeCore
import LegalAidCore

/// A colloquial word and its legal terms as an editor types them, checked field by field.
struct KnowledgeSynonymInput: Sendable, Equatable {
    var word: String
    var terms: [String]
    var note: String

    static func parse(word: String?, terms: String?, note: String?) -> Result<KnowledgeSynonymInput, FieldErrors> {
        var errors: [FieldError] = []
        let word = (word ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let lengths = SynonymList.wordLength, termLengths = SynonymList.termLength, counts = SynonymList.termCount
        if word.isEmpty {
            errors.append(FieldError(field: "word", code: "required", message: "请填写群众常说的词，例如“老板”"))
        } else if !lengths.contains(word.count) {
            errors.append(FieldError(field: "word", code: "outOfRange", message: "口语词应为\(lengths.lowerBound)到\(lengths.upperBound)个字"))
        } else if word.contains(where: { $0.isWhitespace || "、，,；;".contains($0) }) {
            errors.append(FieldError(field: "word", code: "oneWord", message: "一次只填一个口语词，不能有空格或标点"))
        }
        let list = SynonymList.terms(terms ?? "")
        if list.isEmpty {
            errors.append(FieldError(field: "terms", code: "required", message: "请填写法律上的说法，例如“用人单位”；多个用顿号隔开"))
        } else if !counts.contains(list.count) {
            errors.append(FieldError(field: "terms", code: "outOfRange", message: "法律用语最多\(counts.upperBound)个"))
        } else if let long = list.first(where: { !termLengths.contains($0.count) }) {
            errors.append(FieldError(field: "terms", code: "outOfRange", message: "“\(long.prefix(20))…”太长：每个法律用语不超过\(termLengths.upperBound)个字"))
        }
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 200 { errors.append(FieldError(field: "note", code: "tooLong", message: "修改说明不能超过200字")) }
        for (field, text, label) in [("word", word, "口语词"), ("terms", list.joined(), "法律用语"), ("note", note, "修改说明")]
        where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.append(FieldError(field: field, code: "invalidCharacters", message: "\(label)含有无法显示的控制字符，请删去后再保存"))
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors)) }
        return .success(KnowledgeSynonymInput(word: word, terms: list, note: note))
    }
}

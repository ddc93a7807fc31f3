import Foundation

extension ConsultationTopic {
    /// The application's case type a topic points to, where one is clear. Lending, property,
    /// torts and criminal matters could be several types (a criminal topic may be the accused's
    /// defence or the victim's claim), so the applicant or staff choose.
    public var matterType: MatterType? {
        switch self {
        case .labour: .labourWages
        case .marriageFamily: .familyDispute
        case .trafficAccident: .trafficAccident
        case .lending, .property, .tort, .criminal, .other: nil
        }
    }
}

/// A consultation turned into a legal aid application (DOMAIN §4): the existing form, prefilled
/// with what the person already told the desk, so they are not asked twice. Only what the person
/// said goes into the facts (not staff answers), and only with their consent, which the outcome
/// itself requires.
public enum ApplicationPrefill {
    /// The facts field holds at most this much of the conversation; the rest stays in the consultation.
    public static let maxFacts = 4000

    public static func form(name: String, phone: String?, topic: ConsultationTopic, askerSaid: [String], staffNote: String?) -> ApplicationForm {
        var form = ApplicationForm()
        form.applicant.name = Self.isPlaceholderName(name) ? "" : name.trimmingCharacters(in: .whitespacesAndNewlines)
        form.applicant.phone = phone.flatMap(MobileNumber.parse)?.value ?? ""
        form.matter.type = topic.matterType
        // 案由 is a legal cause (追索劳动报酬纠纷), not the desk's topic (劳动争议): prefilled only
        // where the matter makes it clear; otherwise staff choose it with the person.
        form.matter.cause = topic.matterType?.usualCause ?? ""
        let said = askerSaid.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: "\n")
        form.matter.facts = said.count > maxFacts ? String(said.prefix(maxFacts - 1)) + "…" : said
        form.matter.helpWanted = staffNote?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return form
    }

    /// What is not a legal name: the desk's words for a caller who gave none ("来电群众"), and
    /// forms of address ("王女士", "李大爷") — the application needs the name on the ID card.
    public static func isPlaceholderName(_ name: String) -> Bool {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if ["来电群众", "来访群众", "咨询人", "群众"].contains(name) { return true }
        return ["女士", "先生", "小姐", "阿姨", "大爷", "大妈", "大姐", "大哥", "师傅", "同志", "老师"].contains { name.hasSuffix($0) }
    }
}

import LegalAidCore
import Vapor

/// The application form as posted by the page: flat fields named like the domain's paths
/// (`applicant.idNumber`), so an error's field is also the input's name.
struct ApplicationFormInput: Content {
    var applicantName: String?
    var applicantIDNumber: String?
    var applicantPhone: String?
    var applicantAddress: String?
    var applicantEmployer: String?
    var hasAgent: String?
    var agentName: String?
    var agentRelation: String?
    var agentIDNumber: String?
    var agentPhone: String?
    var matterType: String?
    var matterCause: String?
    var matterOpposingParty: String?
    var matterFacts: String?
    var matterHelpWanted: String?
    var matterApplicantDetained: String?
    var householdMembers: String?
    var householdMonthlyIncome: String?
    var householdIncomeNote: String?
    var exemptions: [String]?
    var exemptionProof: String?
    var meansFreeGround: String?
    var priorities: [String]?
    var integrityPledge: String?
    var preferredLawyer: String?
    var communityPointID: String?
    var preReviewOrganisationID: String?
    var version: Int?
    /// `save` keeps a draft; `submit` sends it.
    var action: String?
    var attachments: [File]?

    enum CodingKeys: String, CodingKey {
        case applicantName = "applicant.name", applicantIDNumber = "applicant.idNumber", applicantPhone = "applicant.phone"
        case applicantAddress = "applicant.address", applicantEmployer = "applicant.employer"
        case hasAgent, agentName = "agent.name", agentRelation = "agent.relation", agentIDNumber = "agent.idNumber", agentPhone = "agent.phone"
        case matterType = "matter.type", matterCause = "matter.cause", matterOpposingParty = "matter.opposingParty"
        case matterFacts = "matter.facts", matterHelpWanted = "matter.helpWanted", matterApplicantDetained = "matter.applicantDetained"
        case householdMembers = "household.members", householdMonthlyIncome = "household.monthlyIncomeYuan", householdIncomeNote = "household.incomeNote"
        case exemptions, exemptionProof, meansFreeGround, priorities, integrityPledge, preferredLawyer
        case communityPointID, preReviewOrganisationID, version, action, attachments
    }

    /// The domain form, and any fields that could not even be read (e.g. letters in a number).
    func form() -> (ApplicationForm, [FieldError]) {
        var form = ApplicationForm()
        var errors: [FieldError] = []
        func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func number(_ text: String?, field: String, label: String) -> Int? {
            let value = clean(text).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            if value.isEmpty { return nil }
            guard let parsed = Int(value) else {
                errors.append(FieldError(field: field, code: "notANumber", message: "\(label)请填写整数（阿拉伯数字）"))
                return nil
            }
            return parsed
        }
        form.applicant.name = clean(applicantName)
        form.applicant.idNumber = clean(applicantIDNumber).uppercased()
        form.applicant.phone = clean(applicantPhone)
        form.applicant.address = clean(applicantAddress)
        form.applicant.employer = clean(applicantEmployer)
        if hasAgent == "true" {
            var agent = ApplicationForm.Agent()
            agent.name = clean(agentName)
            agent.relation = ApplicationForm.AgentRelation(rawValue: clean(agentRelation)) ?? .closeRelative
            agent.idNumber = clean(agentIDNumber).uppercased()
            agent.phone = clean(agentPhone)
            form.agent = agent
        }
        form.matter.type = MatterType(rawValue: clean(matterType))
        form.matter.cause = clean(matterCause)
        form.matter.opposingParty = clean(matterOpposingParty)
        form.matter.facts = clean(matterFacts)
        form.matter.helpWanted = clean(matterHelpWanted)
        form.matter.applicantDetained = matterApplicantDetained == "true"
        form.household.members = number(householdMembers, field: "household.members", label: "家庭人口数")
        form.household.monthlyIncomeYuan = number(householdMonthlyIncome, field: "household.monthlyIncomeYuan", label: "家庭月收入")
        form.household.incomeNote = clean(householdIncomeNote)
        form.exemptions = (exemptions ?? []).compactMap(HardshipExemption.init(rawValue:))
        form.exemptionProof = clean(exemptionProof)
        form.meansFreeGround = MeansFreeGround(rawValue: clean(meansFreeGround))
        form.priorities = (priorities ?? []).compactMap(PriorityCategory.init(rawValue:))
        form.integrityPledge = integrityPledge == "true"
        form.preferredLawyer = clean(preferredLawyer)
        return (form, errors)
    }

    var communityPoint: UUID? { communityPointID.flatMap(UUID.init(uuidString:)) }
    var preReviewOrganisation: UUID? { preReviewOrganisationID.flatMap(UUID.init(uuidString:)) }
    var uploads: [File] { (attachments ?? []).filter { $0.data.readableBytes > 0 } }
}

import Fluent
import LegalAidCore
import Vapor

/// One legal aid application, whatever channel it came through.
final class ApplicationModel: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(key: .id) var id: UUID?
    /// Public reference, e.g. `FY2026-000012`: with the phone's last four digits it opens the status page.
    @Field(key: "number") var number: String
    @Field(key: "state") var state: String
    /// Optimistic lock: bumped on every change, so two people can't both act on one version.
    @Field(key: "version") var version: Int
    @Field(key: "channel") var channel: String
    @OptionalField(key: "owner_account_id") var ownerAccountID: UUID?
    @Field(key: "created_by_account_id") var createdByAccountID: UUID
    @OptionalField(key: "community_point_id") var communityPointID: UUID?
    @Field(key: "pre_review_org_id") var preReviewOrganisationID: UUID
    @Field(key: "centre_id") var centreID: UUID
    /// Everything the applicant told us (ID number, phone, address, income, facts), encrypted.
    @Field(key: "form") var sealedForm: Sealed<ApplicationForm>
    /// The rules' finding names income figures, so it is encrypted too.
    @OptionalField(key: "eligibility") var sealedEligibility: Sealed<EligibilityFinding>?
    /// Keyed hash of the applicant's ID number, for finding their applications without storing it in clear.
    @OptionalField(key: "id_number_index") var idNumberIndex: String?
    @Field(key: "applicant_name") var applicantName: String
    @Field(key: "phone_last4") var phoneLast4: String
    @OptionalField(key: "received_on") var receivedOn: String?
    @Field(key: "pauses") var pauses: [ClockPause]
    @OptionalField(key: "supply_by") var supplyBy: String?
    @OptionalField(key: "decision_due") var decisionDue: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// An earlier application by the same ID number about the same matter, submitted within
    /// days (`DuplicateApplication`): pre-review staff are warned.
    @OptionalField(key: "possible_duplicate_of") var possibleDuplicateOf: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $number, $state, $version, $channel, $ownerAccountID, $createdByAccountID, $communityPointID, $preReviewOrganisationID, $centreID, $sealedForm, $sealedEligibility, $idNumberIndex, $applicantName, $phoneLast4, $receivedOn, $pauses, $supplyBy, $decisionDue, $submittedAt, $decidedAt, $possibleDuplicateOf, $createdAt, $updatedAt] }

    init() {}

    var applicationState: ApplicationState { ApplicationState(rawValue: state) ?? .draft }

    var form: ApplicationForm {
        get { sealedForm.value }
        set {
            sealedForm = Sealed(newValue)
            let id = ResidentID.parse(newValue.applicant.idNumber)
            idNumberIndex = (try? id.get()).map { Vault.ring.blindIndex($0.value, purpose: "idNumber") }
        }
    }

    var eligibility: EligibilityFinding? {
        get { sealedEligibility?.value }
        set { sealedEligibility = newValue.map(Sealed.init) }
    }

    var scope: ApplicationScope {
        ApplicationScope(ownerAccountID: ownerAccountID, communityPointID: communityPointID,
                         preReviewOrganisationID: preReviewOrganisationID, centreID: centreID, isDraft: applicationState == .draft)
    }

    var workflowCase: ApplicationCase {
        ApplicationCase(state: applicationState, ownerAccountID: ownerAccountID,
                        receivedOn: receivedOn.flatMap(LocalDate.init(iso:)), pauses: pauses,
                        supplyBy: supplyBy.flatMap(LocalDate.init(iso:)), eligibility: eligibility?.outcome)
    }

    /// Copies the workflow's view of the case back onto the row.
    func absorb(_ next: ApplicationCase, calendar: HolidayCalendar, today: LocalDate) {
        state = next.state.rawValue
        receivedOn = next.receivedOn?.iso
        pauses = next.pauses
        supplyBy = next.supplyBy?.iso
        // No due date while the clock is stopped: it depends on when the materials arrive.
        decisionDue = next.state.isAtCentre ? next.decisionDeadline.flatMap { $0.isPaused ? nil : $0.lastDay(asOf: today, calendar: calendar).iso } : nil
    }
}

extension QueryBuilder where Model == ApplicationModel {
    /// Every column but the sealed form, for reads that show the number, the name, the state and
    /// the clocks but never the facts: nothing to decrypt per row.
    @discardableResult
    func withoutForm() -> Self {
        for key in ApplicationModel.keys where key != "form" {
            field(.extendedPath([key], schema: ApplicationModel.schema, space: nil))
        }
        return self
    }
}

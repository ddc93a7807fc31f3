import Fluent
import XCTest
@testable import App

/// Every model lists its fields by hand (Fluent would find them by reflection on every read and
/// write, #27): a field left out of the list would silently never be read or written, so each
/// list must hold exactly the fields reflection finds.
final class ModelFieldListTests: XCTestCase {
    static let models: [any Model.Type] = [
        ConsultationModel.self,
        ConsultationMessageModel.self,
        ConsultationEventModel.self,
        DeskShiftModel.self,
        WebhookReceiptModel.self,
        ConsultationFileModel.self,
        DirectoryImportRunModel.self,
        KnowledgeEntryModel.self,
        KnowledgeVersionModel.self,
        KnowledgeQuestionModel.self,
        KnowledgeSynonymModel.self,
        KnowledgeSynonymChangeModel.self,
        ApplicationEventModel.self,
        ApplicationModel.self,
        AttachmentModel.self,
        DocumentModel.self,
        CounterModel.self,
        CaseModel.self,
        CaseEventModel.self,
        LawyerProfileModel.self,
        CaseProgressModel.self,
        ObjectionModel.self,
        LawyerChangeRequestModel.self,
        CaseMemberModel.self,
        DetainedRequestModel.self,
        AlertModel.self,
        MediationModel.self,
        MediationPartyModel.self,
        MediationStepModel.self,
        MediationSessionModel.self,
        MediationAgreementModel.self,
        MediationSignatureModel.self,
        MediationCommitteeModel.self,
        MediatorProfileModel.self,
        AuditEntryModel.self,
        AuditAnchorModel.self,
        PendingAuditEntryModel.self,
        AccountModel.self,
        AccountRoleModel.self,
        PhoneCodeModel.self,
        MessageModel.self,
        SMSOutboxModel.self,
        HolidayModel.self,
        APITokenModel.self,
        OrganisationModel.self,
        DirectoryPersonModel.self,
        IdempotencyRecordModel.self,
        FormSubmissionModel.self,
        LookupFailureModel.self,
    ]

    func test_everyModelListsExactlyTheFieldsReflectionFinds() {
        for type in Self.models {
            let model = type.init()
            let listed = model.properties.map { ObjectIdentifier($0 as AnyObject) }
            let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }.map { ObjectIdentifier($0 as AnyObject) }
            XCTAssertEqual(listed.count, reflected.count, "\(type): \(listed.count) listed, \(reflected.count) declared")
            XCTAssertEqual(Set(listed), Set(reflected), "\(type) lists other fields than it declares")
        }
    }

    /// The list is what Fluent reads: a model read back has every field, written or not.
    func test_aModelReadBackHasEveryField() async throws {
        try await withTestApp { test in
            let account = try await test.account("shencha")
            let found = try await AccountModel.find(account.id, on: test.db)
            let again = try XCTUnwrap(found)
            XCTAssertEqual(again.username, "shencha")
            XCTAssertEqual(again.storedRoles, account.storedRoles)
            XCTAssertNotNil(again.createdAt)
            XCTAssertNotNil(again.totpSecret)
        }
    }
}

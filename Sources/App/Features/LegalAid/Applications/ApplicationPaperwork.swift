import Fluent
import LegalAidCore
import Vapor

/// What follows a step on an application or its case, whichever workflow took it: numbered
/// documents, and the applicant told by in-app message and SMS.
enum ApplicationPaperwork {
    /// Issues one numbered document (per centre, kind and year) about an application.
    static func issue(_ kind: DocumentKind, for app: ApplicationModel, issuer: String, payload: [String: String], at moment: Date,
                      reference: ReferenceData, on tx: Database) async throws {
        let year = LocalDate(moment).year
        let sequence = try await Counters.next("doc:\(app.centreID):\(kind.rawValue)", year: year, on: tx)
        let number = DocumentNumber(centreCode: reference.organisations[app.centreID]?.code ?? "", kind: kind, year: year, sequence: sequence)
        let facts = DocumentFacts(kind: kind, number: number, applicationNumber: app.number, form: app.form, issuedAt: moment, payload: payload,
                                  issuer: issuer, centreName: reference.name(app.centreID),
                                  preReviewName: reference.name(app.preReviewOrganisationID),
                                  communityPointName: reference.name(app.communityPointID),
                                  eligibility: app.eligibility, decisionDue: app.decisionDue.flatMap(LocalDate.init(iso:)))
        let doc = DocumentModel()
        doc.applicationID = app.id!
        doc.kind = kind.rawValue
        doc.number = number.text
        doc.centreID = app.centreID
        doc.year = year
        doc.sequence = sequence
        doc.content = DocumentWriter.content(facts)
        doc.issuedAt = moment
        try await doc.create(on: tx)
    }

    /// An in-app message to the applicant's account (if they have one) and an SMS to the
    /// contact phone, both from the message catalogue. The SMS never carries case facts.
    static func tellApplicant(_ app: ApplicationModel, _ notice: Notice, on tx: Database) async throws {
        try await TellPerson.tell(notice, account: app.ownerAccountID, phone: MobileNumber.parse(app.form.contactPhone), applicationID: app.id, on: tx)
    }
}

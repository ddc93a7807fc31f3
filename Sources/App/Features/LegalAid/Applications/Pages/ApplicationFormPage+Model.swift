import LegalAidCore
import Vapor

/// The legal aid application form: new, or a draft being edited.
struct ApplicationFormPage {
    var form: ApplicationForm
    var errors: FormErrors
    /// Where the form posts.
    var action: SiteURL
    var applicationNumber: String?
    var version: Int?
    /// Citizens choose their community; staff file for their own point.
    var communityPoints: [(value: String, label: String)]
    var liaisonCentres: [(value: String, label: String)]
    var selectedCommunityPoint: String?
    var selectedPreReview: String?
    var isCitizen: Bool
    var filingFor: String?
    var attachments: [AttachmentRecord]
    var maxUploadMB: Int

    static func choices(reference: ReferenceData) -> (points: [(value: String, label: String)], liaison: [(value: String, label: String)]) {
        let points = reference.tree.all(.communityPoint).map { (value: $0.id.uuidString, label: $0.name.replacingOccurrences(of: "法律援助联系点", with: "")) }
        let liaison = reference.tree.all(.departmentLiaison).map { (value: $0.id.uuidString, label: $0.name) }
        return (points, liaison)
    }
}

import Fluent
import LegalAidCore
import Vapor

extension AttachmentStore {
    /// Who may add evidence: anyone who may act on the application, while it is still open.
    static func mayUpload(to app: ApplicationModel, account: AccountModel, reference: ReferenceData) -> Bool {
        guard let actor = account.actor, !app.applicationState.isTerminal else { return false }
        return AccessPolicy.canAct(app.scope, actor: actor, tree: reference.tree)
    }
}

extension StagedUploads {
    /// Records every file against the application, inside the caller's transaction.
    func record(for applicationID: UUID, by accountID: UUID, on tx: Database) async throws -> [AttachmentModel] {
        var recorded: [AttachmentModel] = []
        for upload in uploads {
            let attachment = AttachmentModel()
            attachment.applicationID = applicationID
            attachment.originalName = upload.originalName
            attachment.contentType = upload.contentType
            attachment.size = upload.size
            attachment.sha256 = upload.sha256
            attachment.storedName = upload.storedName
            attachment.uploadedBy = accountID
            try await attachment.create(on: tx)
            recorded.append(attachment)
        }
        return recorded
    }
}

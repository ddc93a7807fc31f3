import Crypto
import Fluent
import LegalAidCore
import Vapor

/// Stores evidence files: images and PDF only, recognised by their first bytes rather than
/// their names, under a random name in the data folder, with a SHA-256 checksum.
enum AttachmentStore {
    struct Accepted {
        var contentType: String
        var fileExtension: String
    }

    /// JPEG, PNG, GIF, WebP and PDF by signature.
    static func sniff(_ bytes: [UInt8]) -> Accepted? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return Accepted(contentType: "image/jpeg", fileExtension: "jpg") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return Accepted(contentType: "image/png", fileExtension: "png") }
        if starts(Array("GIF8".utf8)) { return Accepted(contentType: "image/gif", fileExtension: "gif") }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return Accepted(contentType: "image/webp", fileExtension: "webp") }
        if starts(Array("%PDF-".utf8)) { return Accepted(contentType: "application/pdf", fileExtension: "pdf") }
        return nil
    }

    /// Checks a file before anything is stored; the error names the field and the file.
    static func check(_ file: File, field: String, maxBytes: Int) -> FieldError? {
        let size = file.data.readableBytes
        if size == 0 { return nil }
        if size > maxBytes {
            return FieldError(field: field, code: "fileTooLarge", message: "文件“\(file.filename)”超过\(maxBytes / 1024 / 1024)MB，请压缩或分开上传")
        }
        let head = file.data.getBytes(at: file.data.readerIndex, length: min(size, 16)) ?? []
        if sniff(head) == nil {
            return FieldError(field: field, code: "fileType", message: "文件“\(file.filename)”不是图片或PDF，只能上传照片（JPG、PNG、GIF、WebP）或PDF文件")
        }
        return nil
    }

    /// Non-empty uploads only; call `check` on each first.
    static func store(_ files: [File], for app: ApplicationModel, by account: AccountModel, request: Request, on db: Database) async throws -> [AttachmentModel] {
        var stored: [AttachmentModel] = []
        for file in files where file.data.readableBytes > 0 {
            let bytes = file.data.getBytes(at: file.data.readerIndex, length: file.data.readableBytes) ?? []
            guard let kind = sniff(Array(bytes.prefix(16))) else { continue }
            let storedName = "\(UUID().uuidString.lowercased()).\(kind.fileExtension)"
            let path = request.fayuan.uploadsDirectory + "/" + storedName
            try await request.fileio.writeFile(ByteBuffer(bytes: bytes), at: path)
            let attachment = AttachmentModel()
            attachment.applicationID = app.id!
            attachment.originalName = String(file.filename.suffix(120))
            attachment.contentType = kind.contentType
            attachment.size = bytes.count
            attachment.sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            attachment.storedName = storedName
            attachment.uploadedBy = account.id!
            try await attachment.create(on: db)
            stored.append(attachment)
        }
        return stored
    }

    /// Who may add evidence: anyone who may act on the application, while it is still open.
    static func mayUpload(to app: ApplicationModel, account: AccountModel, reference: ReferenceData) -> Bool {
        guard let actor = account.actor, !app.applicationState.isTerminal else { return false }
        return AccessPolicy.canAct(app.scope, actor: actor, tree: reference.tree)
    }
}

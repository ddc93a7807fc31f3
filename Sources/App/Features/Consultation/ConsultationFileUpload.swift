import Fluent
import LegalAidCore
import Vapor

/// Files in a conversation, for the pages and the API alike: one image or PDF per message,
/// checked by its content and size before anything is stored (the file is written, then recorded
/// with its message in one transaction, and removed again if that fails), and sent back only to
/// those who may read the conversation.
enum ConsultationFileUpload {
    struct Form: Content {
        var file: File?
        var clientId: UUID?
    }

    static func receive(_ req: Request, to id: UUID, by caller: ConsultationCaller) async throws -> ConsultationMessageModel {
        let service = ConsultationService(req)
        // Refuse before reading the file when this caller cannot write here now.
        try await service.checkMaySend(to: id, by: caller)
        guard req.headers.contentType?.type == "multipart" else {
            throw AppError.invalid(field: "file", code: "required", "请以 multipart/form-data 上传文件（字段 file）")
        }
        let form = try req.content.decode(Form.self)
        guard let file = form.file, file.data.readableBytes > 0 else {
            throw AppError.invalid(field: "file", code: "required", "请选择要发送的图片或PDF文件")
        }
        if let problem = AttachmentStore.check(file, field: "file", maxBytes: req.fayuan.settings.maxUploadBytes) {
            throw AppError.invalid([problem])
        }
        let staged = try await AttachmentStore.stage([file], request: req)
        return try await staged.atomically { try await service.postFile($0, to: id, by: caller, clientID: form.clientId) }
    }

    /// The file, typed by what its content was found to be: images shown in the conversation,
    /// a PDF downloaded; never sniffed by the browser into something else.
    static func send(_ req: Request, caller: ConsultationCaller) async throws -> Response {
        let id = try req.parameters.id()
        let fileID = try req.parameters.id("file")
        let (file, party) = try await ConsultationService(req).file(fileID, of: id, for: caller)
        if case .staff = party { try await req.audit("consultation.file", target: "consultation:\(id)", detail: "文件 \(fileID)") }
        let response = try await req.fileio.asyncStreamFile(at: req.fayuan.uploadsDirectory + "/" + file.storedName)
        let parts = file.contentType.split(separator: "/").map(String.init)
        response.headers.contentType = HTTPMediaType(type: parts[0], subType: parts[1])
        let encoded = file.originalName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        let disposition = file.isImage ? "inline" : "attachment"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "\(disposition); filename=\"file\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}

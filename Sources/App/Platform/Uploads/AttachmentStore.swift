import Crypto
import Fluent
import LegalAidCore
import Vapor

/// Stores uploaded files (an application's evidence, a file sent in a consultation): images and
/// PDF only, recognised by their first bytes rather than their names, under a random name in the
/// data folder's `uploads/`, with a SHA-256 checksum. The feature records them in its own table.
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

    /// The type of a stored file, by the extension `stage` gave it from its content.
    static func contentType(ofStoredName name: String) -> HTTPMediaType? {
        switch name.split(separator: ".").last {
        case "jpg": .jpeg
        case "png": .png
        case "gif": .gif
        case "webp": HTTPMediaType(type: "image", subType: "webp")
        case "pdf": .pdf
        default: nil
        }
    }

    /// Checks a file before anything is stored; the error names the field and the file.
    /// `imagesOnly` refuses a PDF (a photo).
    static func check(_ file: File, field: String, maxBytes: Int, imagesOnly: Bool = false) -> FieldError? {
        let size = file.data.readableBytes
        if size == 0 { return nil }
        if size > maxBytes {
            return FieldError(field: field, code: "fileTooLarge", message: "文件“\(file.filename)”超过\(maxBytes / 1024 / 1024)MB，请压缩或分开上传")
        }
        let bytes = file.data.getBytes(at: file.data.readerIndex, length: size) ?? []
        let kind = sniff(Array(bytes.prefix(16)))
        if imagesOnly, kind.map({ !$0.contentType.hasPrefix("image/") }) ?? true {
            return FieldError(field: field, code: "fileType", message: "文件“\(file.filename)”不是照片，只能上传JPG、PNG、GIF或WebP图片")
        }
        guard let kind else {
            return FieldError(field: field, code: "fileType", message: "文件“\(file.filename)”不是图片或PDF，只能上传照片（JPG、PNG、GIF、WebP）或PDF文件")
        }
        // The first bytes say what it claims to be; the whole file must hold together as one.
        guard FileStructure.isWhole(bytes, as: kind.contentType) else {
            let what = kind.contentType.hasPrefix("image/") ? "图片" : "PDF文件"
            return FieldError(field: field, code: "fileDamaged", message: "文件“\(file.filename)”已损坏或不完整，无法作为\(what)打开。请重新拍照或重新导出后上传")
        }
        return nil
    }

    /// Writes the non-empty uploads to disk under random names (call `check` on each first).
    /// Nothing is recorded yet: the step they belong to records them in its own transaction
    /// (`StagedUploads.record`), and `atomically` removes the files if that step fails.
    static func stage(_ files: [File], request: Request) async throws -> StagedUploads {
        var staged = StagedUploads(directory: request.fayuan.uploadsDirectory)
        do {
            for file in files where file.data.readableBytes > 0 {
                let bytes = file.data.getBytes(at: file.data.readerIndex, length: file.data.readableBytes) ?? []
                guard let kind = sniff(Array(bytes.prefix(16))) else { continue }
                let upload = StagedUploads.Upload(storedName: "\(UUID().uuidString.lowercased()).\(kind.fileExtension)",
                                                  originalName: String(file.filename.suffix(120)), contentType: kind.contentType, size: bytes.count,
                                                  sha256: SHA256.hash(data: bytes).hexEncoded)
                try await request.fileio.writeFile(ByteBuffer(bytes: bytes), at: staged.path(of: upload))
                staged.uploads.append(upload)
            }
        } catch {
            staged.discard()
            throw error
        }
        return staged
    }
}

/// Uploaded files on disk that no row names yet.
struct StagedUploads: Sendable {
    struct Upload: Sendable {
        var storedName: String
        var originalName: String
        var contentType: String
        var size: Int
        var sha256: String
    }

    var directory: String
    var uploads: [Upload] = []

    static let none = StagedUploads(directory: "")

    func path(of upload: Upload) -> String { directory + "/" + upload.storedName }

    /// Runs the step that records the files; if it fails, the files go too, so no file is left
    /// that no row names, and no row names a missing file.
    func atomically<T>(_ step: (StagedUploads) async throws -> T) async throws -> T {
        do {
            return try await step(self)
        } catch {
            discard()
            throw error
        }
    }

    func discard() {
        for upload in uploads { try? FileManager.default.removeItem(atPath: path(of: upload)) }
    }
}

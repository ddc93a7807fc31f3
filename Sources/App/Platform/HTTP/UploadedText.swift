import Vapor

/// An uploaded file read as text: UTF-8 only; anything else is refused by the form's field, with
/// how to save the file so that it is.
enum UploadedText {
    static let spreadsheet = "请在表格软件中“另存为”并选择“CSV UTF-8”"
    static let notepad = "请用记事本打开，“另存为”时编码选择“UTF-8”"

    static func read(_ file: File?, field: String, howToSave: String) throws -> (name: String, text: String) {
        guard let file, file.data.readableBytes > 0 else { throw AppError.invalid(field: field, code: "required", "请选择要导入的文件") }
        guard let text = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes, encoding: .utf8) else {
            throw AppError.invalid(field: field, code: "notUTF8", "文件不是UTF-8编码。\(howToSave)")
        }
        return (String(file.filename.prefix(100)), text)
    }
}

import Fluent
import Vapor

final class AttachmentModel: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "original_name") var originalName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    /// A random name under the data folder's `uploads/`: never the user's file name.
    @Field(key: "stored_name") var storedName: String
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $applicationID, $originalName, $contentType, $size, $sha256, $storedName, $uploadedBy, $createdAt] }

    init() {}
}

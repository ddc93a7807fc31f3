import Fluent
import SQLKit

/// The directory (issue #13 item 1): the organisations the platform already has gain what the
/// public guide shows (street, place, services, practice areas, a description). One column per
/// statement: SQLite adds one column at a time.
struct ExtendOrganisationsForDirectory: AsyncMigration {
    static let textColumns = ["street", "services", "practice_areas", "description"]

    func prepare(on database: Database) async throws {
        for column in Self.textColumns {
            try await database.schema("organisations").field(.string(column), .string, .required, .sql(.default(""))).update()
        }
        for column in ["latitude", "longitude"] {
            try await database.schema("organisations").field(.string(column), .double).update()
        }
    }

    func revert(on database: Database) async throws {
        for column in Self.textColumns + ["latitude", "longitude"] {
            try await database.schema("organisations").deleteField(.string(column)).update()
        }
    }
}

/// The people of the directory: lawyers, notaries, appraisers, mediators and each village's
/// legal adviser, with the institution they work for and (an adviser) the village they serve.
struct CreateDirectoryPeople: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("directory_people")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("serves_id", .uuid, .references("organisations", "id"))
            .field("account_id", .uuid)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("phone", .string, .required)
            .field("practice_areas", .string, .required)
            .field("duties", .string, .required)
            .field("on_site_hours", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX directory_people_organisation ON directory_people (organisation_id)").run()
        try await sql.raw("CREATE INDEX directory_people_serves ON directory_people (serves_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("directory_people").delete()
    }
}

/// An optional photo of a person (a village's legal adviser on the notice board): the stored
/// file's name under the data folder's `uploads/`.
struct AddDirectoryPersonPhoto: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("directory_people").field("photo", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("directory_people").deleteField("photo").update()
    }
}

/// Import runs in the database (issue #23 item 17): the progress page answers on any instance.
struct CreateDirectoryImportRuns: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("directory_import_runs")
            .id()
            .field("file_name", .string, .required)
            .field("started_by", .uuid, .required)
            .field("started_at", .datetime, .required)
            .field("phase", .string, .required)
            .field("total", .int, .required)
            .field("written", .int, .required)
            .field("rejected", .json, .required)
            .field("created", .int)
            .field("updated", .int)
            .field("message", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("directory_import_runs").delete()
    }
}

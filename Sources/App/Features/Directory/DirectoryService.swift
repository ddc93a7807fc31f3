import Fluent
import Foundation
import LegalAidCore
import Vapor
import DirectoryCore

/// The directory's writes: an institution or a person saved from the staff pages, and a whole
/// import file written in one transaction (all rows or none). Every write goes through the
/// models, so the reference cache learns of it and every instance reloads.
struct DirectoryService: ScopedService {
    let scope: ServiceScope

    /// The kinds that make up the legal-aid network: applications are routed through them, so
    /// their kind and place in the tree are not changed from the directory.
    static let networkKinds: Set<OrganisationKind> = [.bureau, .legalAidCenter, .departmentLiaison, .streetWorkstation, .communityPoint]

    // MARK: institutions

    /// Creates (`id` nil) or updates an institution. The parent is given by name, as in a file.
    @discardableResult
    func saveInstitution(_ id: UUID?, _ input: InstitutionInput, by editor: AccountModel?) async throws -> UUID {
        try await services.transaction(on: db) { tx in
            let saved = try await self.write(id, input, on: tx)
            try await AuditLog.append(AuditRecord(account: editor, event: "directory.institutionSaved", target: "organisation:\(saved)",
                                                  clientAddress: self.clientAddress), at: self.now, on: tx)
            return saved
        }
    }

    private func write(_ id: UUID?, _ input: InstitutionInput, on tx: Database) async throws -> UUID {
        let sameName = try await OrganisationModel.query(on: tx).filter(\.$name == input.name).first()
        let model: OrganisationModel
        if let id {
            guard let found = try await OrganisationModel.find(id, on: tx) else { throw AppError.notFound("机构") }
            if let sameName, sameName.id != id { throw AppError.invalid(field: "name", code: "duplicate", "已有同名机构“\(input.name)”") }
            model = found
        } else if let sameName {
            model = sameName
        } else {
            model = OrganisationModel(name: input.name, kind: input.kind, parentID: nil, code: String(input.name.prefix(1)),
                                      regionCode: try await OrganisationModel.query(on: tx).first()?.regionCode ?? "*",
                                      address: input.address, phone: input.phone, hours: input.hours)
        }
        let parentID = try await input.parentName.asyncMap { name -> UUID in
            guard let parent = try await OrganisationModel.query(on: tx).filter(\.$name == name).first() else {
                throw AppError.invalid(field: "parent", code: "notFound", "上级机构“\(name)”不存在")
            }
            return parent.id!
        }
        let existingKind = model.id == nil ? nil : OrganisationKind(rawValue: model.kind)
        if let existingKind, Self.networkKinds.contains(existingKind) || Self.networkKinds.contains(input.kind), existingKind != input.kind {
            throw AppError.invalid(field: "kind", code: "fixedKind", "“\(input.name)”是法律援助网络中的\(existingKind.chinese)，类型不能改为\(input.kind.chinese)")
        }
        if model.id == nil || !Self.networkKinds.contains(input.kind) {
            if let parentID, parentID == model.id { throw AppError.invalid(field: "parent", code: "invalidChoice", "上级机构不能是自己") }
            model.parentID = parentID
        }
        model.name = input.name
        model.kind = input.kind.rawValue
        model.street = input.street
        model.address = input.address
        model.phone = input.phone
        model.hours = input.hours
        model.services = input.services.map(\.rawValue).joined(separator: ",")
        model.practiceAreas = input.areas.map(\.rawValue).joined(separator: ",")
        model.latitude = input.point?.latitude
        model.longitude = input.point?.longitude
        model.details = input.description
        try await model.save(on: tx)
        return model.id!
    }

    // MARK: people

    /// What a save does to a person's photo.
    enum PhotoChange: Sendable {
        case keep
        /// A file already staged under `uploads/`, by its stored name.
        case replace(String)
        case remove
    }

    @discardableResult
    func savePerson(_ id: UUID?, _ input: PersonInput, photo: PhotoChange = .keep, by editor: AccountModel?) async throws -> UUID {
        let (saved, replaced) = try await services.transaction(on: db) { tx in
            let saved = try await self.write(id, input, on: tx)
            var replaced: String?
            if case .keep = photo {} else {
                guard let model = try await DirectoryPersonModel.find(saved, on: tx) else { throw AppError.notFound("人员") }
                replaced = model.photo
                if case .replace(let name) = photo { model.photo = name } else { model.photo = nil }
                try await model.save(on: tx)
            }
            try await AuditLog.append(AuditRecord(account: editor, event: "directory.personSaved", target: "directory-person:\(saved)",
                                                  clientAddress: self.clientAddress), at: self.now, on: tx)
            return (saved, replaced)
        }
        // The old photo's file goes only once no row names it.
        if let replaced { removePhotoFile(replaced) }
        return saved
    }

    private func removePhotoFile(_ storedName: String) {
        try? FileManager.default.removeItem(atPath: services.uploadsDirectory + "/" + storedName)
    }

    func deletePerson(_ id: UUID, by editor: AccountModel) async throws {
        let photo = try await services.transaction(on: db) { tx in
            guard let person = try await DirectoryPersonModel.find(id, on: tx) else { throw AppError.notFound("人员") }
            try await person.delete(on: tx)
            try await AuditLog.append(AuditRecord(account: editor, event: "directory.personDeleted", target: "directory-person:\(id)",
                                                  clientAddress: self.clientAddress), at: self.now, on: tx)
            return person.photo
        }
        if let photo { removePhotoFile(photo) }
    }

    private func organisationID(_ name: String, field: String, on tx: Database) async throws -> UUID {
        guard let org = try await OrganisationModel.query(on: tx).filter(\.$name == name).first() else {
            throw AppError.invalid(field: field, code: "notFound", "机构“\(name)”不存在")
        }
        return org.id!
    }

    private func write(_ id: UUID?, _ input: PersonInput, on tx: Database) async throws -> UUID {
        let organisationID = try await organisationID(input.organisationName, field: "organisation", on: tx)
        let servesID = try await input.servesName.asyncMap { try await self.organisationID($0, field: "serves", on: tx) }
        let model: DirectoryPersonModel
        if let id {
            guard let found = try await DirectoryPersonModel.find(id, on: tx) else { throw AppError.notFound("人员") }
            model = found
        } else if let same = try await DirectoryPersonModel.query(on: tx).filter(\.$name == input.name)
            .filter(\.$organisationID == organisationID).first() {
            model = same
        } else {
            model = DirectoryPersonModel()
            model.id = UUID()
        }
        model.organisationID = organisationID
        model.servesID = servesID
        model.name = input.name
        model.role = input.role.rawValue
        model.phone = input.phone
        model.practiceAreas = input.areas.map(\.rawValue).joined(separator: ",")
        model.duties = input.duties
        model.onSiteHours = input.onSiteHours
        model.updatedAt = now
        try await model.save(on: tx)
        return model.id!
    }

    // MARK: import

    struct ImportOutcome: Sendable, Equatable {
        var created = 0
        var updated = 0
    }

    /// Writes every row of a checked file in one transaction; a row the database refuses
    /// (say, a name taken meanwhile) rolls the whole file back and is reported with its line.
    func importRows(_ file: DirectoryImportFile, by editor: AccountModel?, progress: @escaping @Sendable (Int) -> Void) async throws -> ImportOutcome {
        try await services.transaction(on: db) { tx in
            var outcome = ImportOutcome()
            var done = 0
            func step(_ line: Int, _ name: String, _ write: () async throws -> Bool) async throws {
                do {
                    if try await write() { outcome.created += 1 } else { outcome.updated += 1 }
                } catch let error as AppError {
                    throw ImportRowFailure(row: RejectedRow(line: line, name: name, errors: error.formErrors))
                }
                done += 1
                if done % 25 == 0 { progress(done) }
            }
            switch file.rows {
            case .institutions(let rows):
                // Parents first: a row may name a parent further down the file.
                for (line, input) in rows where input.parentName == nil || !rows.contains(where: { $0.input.name == input.parentName }) {
                    try await step(line, input.name) { try await self.isNewInstitution(input, on: tx) }
                }
                for (line, input) in rows where input.parentName != nil && rows.contains(where: { $0.input.name == input.parentName }) {
                    try await step(line, input.name) { try await self.isNewInstitution(input, on: tx) }
                }
            case .people(let rows):
                for (line, input) in rows {
                    try await step(line, input.name) {
                        let organisationID = try await self.organisationID(input.organisationName, field: "organisation", on: tx)
                        let exists = try await DirectoryPersonModel.query(on: tx).filter(\.$name == input.name)
                            .filter(\.$organisationID == organisationID).count() > 0
                        _ = try await self.write(nil, input, on: tx)
                        return !exists
                    }
                }
            }
            progress(done)
            try await AuditLog.append(AuditRecord(account: editor, event: "directory.imported", target: "directory",
                                                  clientAddress: self.clientAddress,
                                                  detail: "新增\(outcome.created)条，更新\(outcome.updated)条"), at: self.now, on: tx)
            return outcome
        }
    }

    private func isNewInstitution(_ input: InstitutionInput, on tx: Database) async throws -> Bool {
        let exists = try await OrganisationModel.query(on: tx).filter(\.$name == input.name).count() > 0
        _ = try await write(nil, input, on: tx)
        return !exists
    }

    /// Institution names already stored (rows may name them as parents).
    func knownNames() async throws -> Set<String> {
        Set(try await OrganisationModel.query(on: db).all(\.$name))
    }
}

/// One row the database refused while an import was being written.
struct ImportRowFailure: Error {
    var row: RejectedRow
}

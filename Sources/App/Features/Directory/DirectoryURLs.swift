import Foundation
import LegalAidCore

/// The directory's addresses: institutions, people, the nearest search, notices, editing and import.
extension SiteURL {
    static let directoryScript = SiteURL("/js/directory.js")
    static let directory = SiteURL("/directory")
    static func directoryEntry(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/directory/\(id.segment("id"))") }
    static func directoryNotice(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/directory/\(id.segment("id"))/notice") }
    static let directoryNearest = SiteURL("/directory/nearest")
    static let directoryPeople = SiteURL("/directory/people")
    static let directoryManage = SiteURL("/directory/manage")
    static let newDirectoryEntry = SiteURL("/directory/new")
    static func editDirectoryEntry(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/directory/\(id.segment("id"))/edit") }
    static let newDirectoryPerson = SiteURL("/directory/people/new")
    static func editDirectoryPerson(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/directory/people/\(id.segment("id"))/edit") }
    static func deleteDirectoryPerson(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/directory/people/\(id.segment("id"))/delete") }
    static func directoryPersonPhoto(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/directory/people/\(id.segment("id"))/photo") }
    static let directoryImport = SiteURL("/directory/import")
    static func directoryImportRun(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/directory/import/\(id.segment("id"))") }
}

extension APIPath {
    static let directory = APIPath("/directory")
    static func directoryEntry(_ id: Parameter<UUID>) -> APIPath { APIPath("/directory/\(id.segment("id"))") }
    static let directoryNearest = APIPath("/directory/nearest")
    static let directoryPeople = APIPath("/directory/people")
    static func directoryPerson(_ id: Parameter<UUID>) -> APIPath { APIPath("/directory/people/\(id.segment("id"))") }
}

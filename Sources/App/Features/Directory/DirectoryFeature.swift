import Fluent
import LegalAidCore
import Vapor
import DirectoryCore

/// The directory of legal services (issue #13): every institution and person of the district —
/// the legal-aid network's own offices are the same organisation records — with filters,
/// "nearest open to me", village adviser notices, staff editing and import. The rules
/// (distance, opening, import checks) live in `LegalAidCore/Directory`.
struct DirectoryFeature: Feature {
    var migrations: [any Migration] { [ExtendOrganisationsForDirectory(), CreateDirectoryPeople(), AddDirectoryPersonPhoto(), CreateDirectoryImportRuns()] }

    func prepare(_ app: Application) throws {
        app.directoryImports = DirectoryImportRuns()
    }

    func boot(routes: RoutesBuilder) throws {
        try routes.register(collection: DirectoryController())
        try routes.register(collection: DirectoryManageController())
        try routes.register(collection: DirectoryAPIController())
        try routes.register(collection: DirectoryAPIEditController())
    }

    func commands(_ app: Application) {
        app.asyncCommands.use(ImportDirectoryCommand(), as: "import-directory")
        app.asyncCommands.use(ImportLawCommand(), as: "import-law")
    }

    func seedDemo(_ app: Application) async throws {
        try await DirectoryDemo.seed(app)
    }

    func navigation(for viewer: NavigationViewer) -> [NavigationLink] {
        if let actor = viewer.account?.actor, DirectoryRules.mayEdit(actor) {
            return [NavigationLink("机构名录", .directoryManage, rank: 42)]
        }
        return viewer.isStaff ? [] : [NavigationLink("找法律服务", .directory, rank: 6)]
    }
}

import Vapor

/// Every route, grouped by area.
func routes(_ app: Application) throws {
    // Public: anyone, signed in or not.
    try app.register(collection: HomeController())
    try app.register(collection: AuthController())
    try app.register(collection: SecondFactorController())
    try app.register(collection: LookupController())
    app.get("openapi.yaml", use: OpenAPIDocument.serve)

    // Citizens and staff (each handler checks who may do what).
    try app.register(collection: ApplicationFormController())
    try app.register(collection: ApplicationController())
    try app.register(collection: MyApplicationsController())
    try app.register(collection: AccountController())

    // Staff.
    try app.register(collection: WorkbenchController())
    try app.register(collection: CaseController())
    try app.register(collection: SideExitController())
    try app.register(collection: ObjectionController())
    try app.register(collection: IntakeController())
    try app.register(collection: LawyerProfileController())
    try app.register(collection: HolidayAdminController())
    try app.register(collection: AuditController())
    try app.register(collection: SecurityAdminController())
    try app.register(collection: AccountAdminController())

    // JSON API.
    try app.register(collection: APIController())
    try app.register(collection: CaseAPIController())
}

enum OpenAPIDocument {
    @Sendable static func serve(req: Request) async throws -> Response {
        let response = try await req.fileio.asyncStreamFile(at: BundledResource.url("openapi.yaml").path)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        return response
    }
}

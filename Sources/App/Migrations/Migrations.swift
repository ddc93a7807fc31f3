import Fluent
import Vapor

extension Application {
    /// Every migration in order. Landed migrations are history: add new ones, never edit these.
    func registerMigrations() {
        migrations.add([
            CreateOrganisations(),
            CreateAccounts(),
            CreateApplications(),
            CreateApplicationEvents(),
            CreateAttachments(),
            CreateDocuments(),
            CreateCounters(),
            CreateMessages(),
            CreateSMSOutbox(),
            CreateHolidays(),
            CreateAPITokens(),
            SessionRecord.migration,
            CreateAuditEntries(),
            CreateCases(),
            CreateCaseEvents(),
            CreateLawyerProfiles(),
            CreateCaseProgress(),
            AddCaseTracking(),
            CreateObjections(),
            CreateLawyerChangeRequests(),
            CreateCaseMembers(),
            CreateDetainedRequests(),
            CreateAlerts(),
            CreateLookupFailures(),
            CreateIdempotencyRecords(),
            CreateFormSubmissions(),
            AddPossibleDuplicate(),
            ClearStoppedDecisionDates(),
            CreateAuditInbox(),
            ExtendSMSOutbox(),
        ] as [any Migration])
    }
}

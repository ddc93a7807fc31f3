import Fluent
import Vapor

/// Every migration that has landed, in the order databases ran them. History: never edit or
/// reorder these; a feature's later migrations come from its `Feature.migrations`.
enum MigrationHistory {
    static var landed: [any Migration] {
        [
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
        ]
    }
}

/// Indexes for the reads the pages, the API, the lists and the deadline sweep make, so a centre
/// with a hundred thousand cases still answers its first page from an index.
extension CreateIndexes {
    static let legalAidReads = CreateIndexes(name: "AddLegalAidReadIndexes", indexes: [
        Index("applications_by_centre", on: "applications", "centre_id", "state"),
        Index("applications_by_pre_review", on: "applications", "pre_review_org_id", "state"),
        Index("applications_by_point", on: "applications", "community_point_id"),
        Index("applications_by_owner", on: "applications", "owner_account_id"),
        Index("applications_by_id_number", on: "applications", "id_number_index"),
        Index("cases_by_centre", on: "legal_aid_cases", "centre_id", "assignment_due"),
        Index("cases_by_lawyer", on: "legal_aid_cases", "lawyer_account_id", "assignment_due"),
        Index("cases_by_firm", on: "legal_aid_cases", "firm_id"),
        Index("cases_by_state", on: "legal_aid_cases", "state"),
        Index("attachments_by_application", on: "attachments", "application_id"),
        Index("documents_by_application", on: "documents", "application_id", "issued_at"),
        Index("objections_by_application", on: "objections", "application_id"),
        Index("change_requests_by_case", on: "lawyer_change_requests", "case_id"),
        Index("progress_by_case", on: "case_progress", "case_id", "at"),
        Index("members_by_case", on: "case_members", "case_id"),
        Index("alerts_by_recipient", on: "alerts", "recipient_account_id", "read_at"),
        Index("detained_by_centre", on: "detained_requests", "centre_id"),
    ])
}

/// The case list is ordered by assignment deadline, then id: with the id in the index a centre's
/// (or a lawyer's) first page is read straight off the index, even when thousands of cases share
/// one deadline, instead of sorting every case of that deadline.
extension CreateIndexes {
    static let caseListOrder = CreateIndexes(name: "AddCaseListOrderIndexes", indexes: [
        Index("cases_by_centre_in_order", on: "legal_aid_cases", "centre_id", "assignment_due", "id"),
        Index("cases_by_lawyer_in_order", on: "legal_aid_cases", "lawyer_account_id", "assignment_due", "id"),
    ], replacing: [
        Index("cases_by_centre", on: "legal_aid_cases", "centre_id", "assignment_due"),
        Index("cases_by_lawyer", on: "legal_aid_cases", "lawyer_account_id", "assignment_due"),
    ])
}

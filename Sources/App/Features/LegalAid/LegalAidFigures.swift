import Fluent
import LegalAidCore
import SQLKit

extension LegalAidFeature {
    /// By legal aid centre and month: applications submitted, and applications decided with the
    /// average time from submission to the decision (法律援助法 第43条's clock reads in working
    /// days; this is the plain elapsed time a supervisor compares month to month).
    func figures(_ query: FigureQuery) async throws -> [Figure] {
        let submitted = try await query.rows("legalAid.submitted", "提交的申请", """
            SELECT a.centre_id AS organisation, \(query.month("e.at")) AS month, COUNT(*) AS n
            FROM application_events e JOIN applications a ON a.id = e.application_id
            WHERE e.event = 'submit' AND e.at >= \(bind: query.from) AND e.at < \(bind: query.to)
            GROUP BY 1, 2
            """)
        let decided = try await query.rows("legalAid.decided", "作出决定的申请（提交至决定的平均时长）", """
            SELECT a.centre_id AS organisation, \(query.month("d.at")) AS month, COUNT(*) AS n,
                   AVG(\(query.seconds(from: "s.submitted_at", to: "d.at"))) AS average
            FROM application_events d JOIN applications a ON a.id = d.application_id
            JOIN (SELECT application_id, MIN(at) AS submitted_at FROM application_events WHERE event = 'submit' GROUP BY application_id) s
              ON s.application_id = d.application_id
            WHERE d.event IN ('approve', 'deny') AND d.at >= \(bind: query.from) AND d.at < \(bind: query.to)
            GROUP BY 1, 2
            """, averaged: true)
        return submitted + decided
    }
}

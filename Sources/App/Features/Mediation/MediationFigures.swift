import Fluent
import SQLKit

extension MediationFeature {
    /// By committee and month: mediations registered; agreements reached with the average days
    /// from registration to agreement; mediations that ended without agreement; escalation flags
    /// raised and closed. The success rate is agreements over those that ended.
    func figures(_ query: FigureQuery) async throws -> [Figure] {
        let started = try await query.rows("mediation.started", "登记的人民调解", """
            SELECT committee_id AS organisation, \(query.month("created_at")) AS month, COUNT(*) AS n
            FROM mediations WHERE created_at >= \(bind: query.from) AND created_at < \(bind: query.to)
            GROUP BY 1, 2
            """)
        let agreed = try await query.rows("mediation.agreed", "调解成功（平均用时）", """
            SELECT committee_id AS organisation, \(query.month("created_at")) AS month, COUNT(*) AS n,
                   AVG(\(query.seconds(from: "created_at", to: "agreed_at"))) AS average
            FROM mediations WHERE agreed_at IS NOT NULL AND created_at >= \(bind: query.from) AND created_at < \(bind: query.to)
            GROUP BY 1, 2
            """, averaged: true)
        let unsettled = try await query.rows("mediation.unsettled", "调解不成、对方拒绝或撤回", """
            SELECT committee_id AS organisation, \(query.month("created_at")) AS month, COUNT(*) AS n
            FROM mediations WHERE state IN ('failed', 'refused', 'lapsed', 'withdrawn') AND created_at >= \(bind: query.from) AND created_at < \(bind: query.to)
            GROUP BY 1, 2
            """)
        let confirmed = try await query.rows("mediation.confirmed", "申请司法确认并有结果", """
            SELECT committee_id AS organisation, \(query.month("created_at")) AS month, COUNT(*) AS n
            FROM mediations WHERE court_answer IS NOT NULL AND created_at >= \(bind: query.from) AND created_at < \(bind: query.to)
            GROUP BY 1, 2
            """)
        let flags = try await query.rows("mediation.flagged", "报告矛盾激化风险", """
            SELECT committee_id AS organisation, \(query.month("escalation_raised_at")) AS month, COUNT(*) AS n
            FROM mediations WHERE escalation_raised_at IS NOT NULL AND escalation_raised_at >= \(bind: query.from) AND escalation_raised_at < \(bind: query.to)
            GROUP BY 1, 2
            """)
        let closed = try await query.rows("mediation.flagClosed", "风险预警处置完毕", """
            SELECT committee_id AS organisation, \(query.month("escalation_closed_at")) AS month, COUNT(*) AS n
            FROM mediations WHERE escalation_closed_at IS NOT NULL AND escalation_closed_at >= \(bind: query.from) AND escalation_closed_at < \(bind: query.to)
            GROUP BY 1, 2
            """)
        return started + agreed + unsettled + confirmed + flags + closed
    }
}

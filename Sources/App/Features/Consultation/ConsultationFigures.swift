import Fluent
import LegalAidCore
import SQLKit

extension ConsultationFeature {
    /// By desk (a legal aid centre) and month: consultations asked, and those taken by staff with
    /// the average wait from joining the queue to being taken.
    func figures(_ query: FigureQuery) async throws -> [Figure] {
        let asked = try await query.rows("consultation.asked", "收到的咨询", """
            SELECT desk_id AS organisation, \(query.month("queued_at")) AS month, COUNT(*) AS n
            FROM consultations WHERE queued_at >= \(bind: query.from) AND queued_at < \(bind: query.to)
            GROUP BY 1, 2
            """)
        let taken = try await query.rows("consultation.taken", "工作人员接入的咨询（平均等待时长）", """
            SELECT desk_id AS organisation, \(query.month("queued_at")) AS month, COUNT(*) AS n,
                   AVG(\(query.seconds(from: "queued_at", to: "taken_at"))) AS average
            FROM consultations WHERE taken_at IS NOT NULL AND queued_at >= \(bind: query.from) AND queued_at < \(bind: query.to)
            GROUP BY 1, 2
            """, averaged: true)
        return asked + taken
    }
}

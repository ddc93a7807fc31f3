import Fluent
import Foundation
import LegalAidCore
import SQLKit
import Vapor
import KnowledgeCore

/// `Run bench-search --articles 100000`: fills a throwaway database with synthetic published
/// articles (indexed through the real path), then times searches of two, three and more
/// characters through our layer (`KnowledgeService.search`: the index, the entries, the ranking
/// and the highlighting of a first page) against the engine's own indexed query for the same
/// words (first 20 by its rank), and prints p50/p95/p99 and the ratio. Run it through
/// `bench/search.sh` (release, both databases). Asserts nothing.
struct BenchSearchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "articles", help: "Articles to load; default 100000")
        var articles: Int?
        @Option(name: "runs", help: "Timed searches per query; default 100")
        var runs: Int?
    }

    var help: String { "Benchmark Chinese search over many articles (throwaway database only)." }

    static let queries = ["工伤", "离婚", "仲裁", "抚养费", "劳动合同", "拖欠劳动报酬", "交通事故赔偿"]

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let db = app.db
        guard try await ApplicationModel.query(on: db).count() <= 10 else {
            context.console.print("This database holds real work; run bench/search.sh, which uses a throwaway one.")
            return
        }
        let wanted = max(100, signature.articles ?? 100_000)
        let runs = max(10, signature.runs ?? 100)
        let sql = db as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        let existing = try await KnowledgeEntryModel.query(on: db).count()
        if existing < wanted {
            let started = Date()
            try await fill(wanted - existing, app: app)
            context.console.print("loaded \(wanted - existing) articles in \(Int(Date().timeIntervalSince(started))) s")
        }
        if postgres { try await sql.raw("ANALYZE").run() }
        let service = KnowledgeService(scope: ServiceScope(db: db, services: app.fayuan, now: Date()))
        let index = KnowledgeIndex(db)
        context.console.print("\(wanted) published articles on \(postgres ? "PostgreSQL" : "SQLite"), \(runs) runs a query, one at a time")
        context.console.print("query".padding(toLength: 14, withPad: " ", startingAt: 0)
            + "matches   raw p50/p95/p99 ms        ours p50/p95/p99 ms     p95 ratio   of which index p50   recall@20")
        for typed in Self.queries {
            let query = SearchQuery(typed)
            var raw: [Double] = []
            var ours: [Double] = []
            var candidates: [Double] = []
            var matches = 0
            var firstPage: [Double] = []
            for run in 0..<(runs + 5) {
                var started = Date()
                _ = try await index.rawFirstPage(query, limit: 20)
                let rawTime = Date().timeIntervalSince(started) * 1000
                started = Date()
                _ = try await index.candidates(query, kind: nil, limit: KnowledgeService.candidateLimit)
                let candidateTime = Date().timeIntervalSince(started) * 1000
                started = Date()
                let (q, results) = try await service.search(typed, kind: nil, page: ListPage(number: 1, size: 20), answers: app.knowledgeAnswers)
                _ = results.items.map { $0.item(q) }
                let ourTime = Date().timeIntervalSince(started) * 1000
                matches = results.total
                firstPage = results.items.map { SearchRanking.score($0.candidate, for: q) }
                if run >= 5 { raw.append(rawTime); ours.append(ourTime); candidates.append(candidateTime) }  // the first few warm the caches
            }
            func p(_ values: [Double], _ q: Double) -> Double { values.sorted()[min(values.count - 1, Int(Double(values.count) * q))] }
            // Recall: how many of the exact top 20 (every match ranked, no bound) our bounded
            // ranking put on the first page.
            let exact = try await exactTop(query, index: index, answers: app.knowledgeAnswers, on: db)
            let recall = exact.isEmpty ? 1 : Double(min(exact.count, firstPage.filter { $0 >= exact.last! }.count)) / Double(exact.count)
            let line = typed.padding(toLength: 8, withPad: "　", startingAt: 0)
                + String(format: "%9d   %6.1f %6.1f %6.1f      %6.1f %6.1f %6.1f      %5.2f×   %6.1f            %4.0f%%",
                         matches, p(raw, 0.5), p(raw, 0.95), p(raw, 0.99), p(ours, 0.5), p(ours, 0.95), p(ours, 0.99), p(ours, 0.95) / max(p(raw, 0.95), 0.001),
                         p(candidates, 0.5), recall * 100)
            context.console.print(line)
        }
        context.console.print("(matches: the index's candidates, at most \(KnowledgeService.candidateLimit); raw: the engine's first 20 alone; ours: candidates, entries, ranking of the first \(KnowledgeService.rankingWindow), highlighting of a page of 20; index: our candidate query alone; recall@20: share of the exact top 20 — every match ranked by SearchRanking, unbounded — on our first page, an item scoring as high as the exact 20th counts, so ties at the 20th place do not count against us)")
    }

    /// The scores of the first 20 as they would be with no bound: every match the index holds, ranked.
    private func exactTop(_ query: SearchQuery, index: KnowledgeIndex, answers: KnowledgeAnswers, on db: Database) async throws -> [Double] {
        let built = try await answers.current(on: db)
        let every = try await index.candidates(query, kind: nil, limit: 10_000_000, rankedMatches: 10_000_000)
        let scores = every.compactMap { built.result($0.entryID, article: $0.article) }.map { SearchRanking.score($0.candidate, for: query) }
        return Array(scores.sorted(by: >).prefix(20))
    }

    /// Synthetic publicity articles: sentences drawn from a pool of legal-aid wording, so common
    /// and rare words occur as they would.
    private func fill(_ count: Int, app: Application) async throws {
        let batch = 500
        var made = 0
        while made < count {
            let size = min(batch, count - made), first = made + 1
            try await app.fayuan.transaction(on: app.db) { tx in
                var generator = SystemRandomNumberGenerator()
                var entries: [KnowledgeEntryModel] = []
                for i in 0..<size {
                    let entry = KnowledgeEntryModel()
                    entry.id = UUID()
                    entry.kind = KnowledgeKind.article.rawValue
                    entry.title = "\(Self.titles[Int.random(in: 0..<Self.titles.count, using: &generator)])（\(first + i)）"
                    entry.body = (0..<12).map { _ in Self.sentences[Int.random(in: 0..<Self.sentences.count, using: &generator)] }.joined()
                    entry.published = true
                    entry.version = 1
                    entry.views = 0
                    entry.createdAt = Date()
                    entry.updatedAt = Date()
                    entry.publishedAt = Date()
                    entries.append(entry)
                }
                try await entries.create(on: tx)
                let index = KnowledgeIndex(tx)
                for entry in entries { try await index.reindex(entry) }
                try await KnowledgeGeneration.bump(.entries, on: tx)
            }
            made += size
        }
    }

    static let titles = ["劳动者权益保护指南", "婚姻家庭纠纷问答", "交通事故处理须知", "民间借贷风险提示", "法律援助申请指引", "老年人权益保障",
                         "未成年人保护", "消费者维权", "房屋租赁注意事项", "人民调解介绍", "工伤保险待遇", "农民工讨薪指南"]
    static let sentences = [
        "劳动者与用人单位发生劳动争议的，可以申请劳动仲裁。", "用人单位拖欠劳动报酬的，劳动者可以向劳动保障监察机构投诉。",
        "职工因工作遭受事故伤害的，应当认定为工伤。", "工伤认定申请应当在事故伤害发生之日起一年内提出。",
        "夫妻一方要求离婚的，可以由有关组织进行调解或者直接向人民法院提起离婚诉讼。", "离婚后，子女由哪一方直接抚养，由双方协议。",
        "不直接抚养子女的一方应当负担部分或者全部抚养费。", "成年子女对父母负有赡养、扶助和保护的义务。",
        "机动车发生交通事故造成人身伤亡、财产损失的，由保险公司在强制保险责任限额范围内予以赔偿。", "交通事故受害人可以请求赔偿医疗费、护理费、交通费、误工费。",
        "借款合同对支付利息没有约定的，视为没有利息。", "出借人请求借款人按照合同约定利率支付利息的，人民法院应予支持。",
        "经济困难的公民可以向法律援助机构申请法律援助。", "法律援助机构应当自收到申请之日起七日内作出决定。",
        "人民调解委员会调解民间纠纷，不收取任何费用。", "经人民调解委员会调解达成的调解协议，具有法律约束力。",
        "租赁期限届满，承租人继续使用租赁物，出租人没有提出异议的，原租赁合同继续有效。", "消费者因购买、使用商品或者接受服务受到人身、财产损害的，享有依法获得赔偿的权利。",
        "未成年人的父母或者其他监护人应当依法履行监护职责。", "老年人养老以居家为基础，家庭成员应当尊重、关心和照料老年人。",
        "当事人对自己提出的主张，有责任提供证据。", "向人民法院请求保护民事权利的诉讼时效期间为三年。",
        "劳动合同期满，用人单位不续订的，应当向劳动者支付经济补偿。", "用人单位违法解除劳动合同的，应当依照经济补偿标准的二倍向劳动者支付赔偿金。",
        "农民工请求支付劳动报酬的，申请法律援助不受经济困难条件的限制。", "家庭暴力受害人可以向人民法院申请人身安全保护令。",
        "遗产按照法定继承办理的，由第一顺序继承人继承。", "公证机构办理公证，应当遵守法律，坚持客观、公正的原则。",
        "司法鉴定人应当依法独立、客观、公正地进行鉴定。", "拨打12348公共法律服务热线，可以获得免费法律咨询。",
    ]
}

extension KnowledgeIndex {
    /// The engine's own indexed query for the words, nothing of ours around it: the first
    /// `limit` by its rank (what the benchmark compares our layer with).
    func rawFirstPage(_ query: SearchQuery, limit: Int) async throws -> Int {
        let rows: [SQLRow]
        if isPostgres {
            let tsquery = query.terms.map { "'\($0)'" }.joined(separator: " & ")
            rows = try await sql.raw("""
                SELECT entry_id, article FROM knowledge_search WHERE terms @@ to_tsquery('simple', \(bind: tsquery))
                ORDER BY ts_rank(terms, to_tsquery('simple', \(bind: tsquery))) DESC LIMIT \(unsafeRaw: String(limit))
                """).all()
        } else {
            let match = query.terms.map { "\"\($0)\"" }.joined(separator: " AND ")
            rows = try await sql.raw("""
                SELECT rowid FROM knowledge_search WHERE knowledge_search MATCH \(bind: match)
                ORDER BY bm25(knowledge_search, 5.0, 1.0) LIMIT \(unsafeRaw: String(limit))
                """).all()
        }
        return rows.count
    }
}

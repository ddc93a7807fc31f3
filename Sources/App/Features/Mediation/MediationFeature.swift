import Fluent
import MediationCore
import Vapor

/// People's mediation (人民调解, issue #26). So far its first stop: 纠纷怎么办, a guide with no
/// account — what kind of dispute it is, what the law says (from the knowledge base), what a
/// person can do themselves, and where mediation, legal aid and a person are. The rules live in
/// `MediationCore`; applying online, the other side's reply, committees, sessions and the
/// agreement come next.
struct MediationFeature: Feature {
    func boot(routes: RoutesBuilder) throws {
        try routes.register(collection: DisputeGuideController())
    }

    func navigation(for viewer: NavigationViewer) -> [NavigationLink] {
        viewer.isStaff ? [] : [NavigationLink("纠纷调解", .disputes, rank: 8)]
    }

    func homeCards(_ home: HomeContext) -> [HomeCard] {
        [HomeCard(rank: 25, html: """
          <div class="card">
            <h2>矛盾纠纷怎么办</h2>
            <p>邻里、家庭、欠薪、物业、交通事故、借钱不还……先看看法律怎么说、自己可以怎么做，再找人民调解委员会免费调解。</p>
            <p><a class="button" href="\(SiteURL.disputes)">看看怎么办</a></p>
          </div>
        """)]
    }
}

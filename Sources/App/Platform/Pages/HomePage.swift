import Vapor

/// 法律援助，就在身边: every feature's cards for this viewer, banners first, then the grid.
struct HomePage: PageView {
    var banners: [HTML]
    var cards: [HTML]

    var title: String { "法律援助，就在身边" }

    func body(in context: PageContext) -> HTML {
        """
        \(banners)
        <div class="cards">
        \(cards)
        </div>
        """
    }
}

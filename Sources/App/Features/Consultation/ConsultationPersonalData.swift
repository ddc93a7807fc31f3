import Fluent
import LegalAidCore
import Vapor

extension ConsultationFeature {
    /// A conversation's phone number and every message's text are sealed: conversations carry
    /// case facts.
    var personalData: PersonalData {
        PersonalData(reseal: [
            PersonalData.reseal(ConsultationModel.self) { $0.phone = $0.phone },
            PersonalData.reseal(ConsultationMessageModel.self) { $0.body = $0.body },
        ])
    }
}

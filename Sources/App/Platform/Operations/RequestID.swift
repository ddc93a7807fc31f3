import Foundation
import Vapor

/// Takes the request id a proxy in front gave (`X-Request-ID`) when it looks like one, so a
/// request is followed from nginx's log to ours; every log line of the request carries it, and
/// the answer names it.
struct RequestID: Middleware {
    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        // Vapor takes the header as it comes; one that does not look like an id (too long,
        // spaces, line breaks) is replaced, so it can neither forge log lines nor headers.
        if let given = request.headers.first(name: "X-Request-ID"),
           given.isEmpty || given.count > 64 || !given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            request.logger[metadataKey: "request-id"] = .string(UUID().uuidString)
        }
        return next.respond(to: request).map { response in
            if case .string(let id)? = request.logger[metadataKey: "request-id"] {
                response.headers.replaceOrAdd(name: "X-Request-ID", value: id)
            }
            return response
        }
    }
}

import NIOHTTP1

/// The methods the matrix uses, named for the client.
enum HTTPMethodName {
    case get, post

    var client: HTTPMethod {
        switch self {
        case .get: .GET
        case .post: .POST
        }
    }
}

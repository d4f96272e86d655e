import Hummingbird

extension OfficerRoutes {
    /// What `/officer` answers when the store carries only the intake (PostgreSQL, so far): 503
    /// and a page saying so, rather than a bare 404, so the deployment's gap is plain to see.
    static func registerUnavailable(on router: Router<ServerRequestContext>, services: ServerServices) {
        let body = """
            <h1>Officers' pages not available here</h1>
            <p>This server keeps its reports in PostgreSQL, which so far carries the report form, the \
            receipt pages and the partner API, but not the officers' users, sessions and pages. Reports \
            sent here are stored and sealed as usual.</p>
            """
        for path in ["/officer", "/officer/**"] {
            for method in [HTTPRequest.Method.get, .post] {
                router.on(RouterPath(path), method: method) { _, _ in
                    services.page("Officers' pages not available", body, status: .serviceUnavailable)
                }
            }
        }
    }
}

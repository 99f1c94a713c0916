// A configuration aligned by hand: the layout differs from what fmt writes.
server "legacy" {
  endpoint "/legacy/**" {
    proxy {
      backend = "legacy"
    }
  }
}

definitions {
  backend "legacy" {
    origin      = "https://legacy.example"
    path_prefix = "/api"
    timeout     = "20s"
    oauth2 {
      token_endpoint             = "https://login.example/token"
      client_id                  = "legacy"
      client_secret              = "legacy secret with spaces"
      grant_type                 = "client_credentials"
      token_endpoint_auth_method = "client_secret_post"
      scope                      = "read  write"
    }
    set_query_params = { v = "2", lang = "de" }
    add_request_headers = {
      "x-client" = "tokenbench"
      x-list     = ["a", "b"]
    }
  }
}

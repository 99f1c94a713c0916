server "gateway" {
  api {
    endpoint "/reports" {
      proxy {
        backend = "reports"
      }
    }

    endpoint "/invoices" {
      proxy {
        backend = "invoices"
      }
    }
  }
}

definitions {
  # The token backend is referenced by name.
  backend "reports" {
    origin = "https://reports.example"

    oauth2 {
      token_endpoint = "https://login.example/token"
      backend        = "login"
      client_id      = "reports"
      client_secret  = env.REPORTS_SECRET
      grant_type     = "client_credentials"
    }
  }

  // The token backend is written inline.
  backend "invoices" {
    origin = "https://invoices.example"

    oauth2 {
      token_endpoint = "https://login.example/token"
      backend {
        origin = "https://login.example"
        add_request_headers = {
          x-requested-by = "couper"
        }
      }
      client_id     = "invoices"
      client_secret = env.INVOICES_SECRET
      grant_type    = "client_credentials"
      scope         = "invoices:read"
    }
  }

  backend "login" {
    origin          = "https://login.example"
    connect_timeout = "5s"
  }
}

settings {
  no_proxy_from_env = true
}

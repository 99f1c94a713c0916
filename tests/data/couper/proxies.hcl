server {
  api {
    # An inline proxy backend that gets its token with client credentials.
    endpoint "/stock" {
      proxy {
        backend {
          origin = "https://stock.example"
          oauth2 {
            token_endpoint = "https://login.example/token"
            client_id = "stock"
            client_secret = "stock secret+1"
            grant_type = "client_credentials"
            retries = 0
          }
        }
      }
    }

    /* The token endpoint comes from a nested backend block:
       origin and path, no token_endpoint attribute. */
    endpoint "/prices" {
      proxy {
        backend {
          origin = "https://prices.example"
          oauth2 {
            backend {
              origin = "https://login.example"
              path = "/oauth2/token"
            }
            client_id = "prices"
            client_secret = "prices-secret"
            grant_type = "client_credentials"
            token_endpoint_auth_method = "client_secret_post"
          }
        }
      }
    }

    endpoint "/orders" {
      proxy {
        backend {
          origin = "https://orders.example"
          oauth2 {
            token_endpoint = "https://login.example/token"
            client_id = "orders"
            client_secret = "orders-secret"
            grant_type = "password"
            username = "svc"
            password = "svc-password"
            scope = "orders"
          }
        }
      }
    }
  }
}

settings {
  no_proxy_from_env = true
  log_level = "info"
}

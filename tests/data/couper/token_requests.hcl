# Orders API: the backend fetches its own tokens with beta_token_request blocks.
server "orders" {
  api {
    base_path = "/api"

    endpoint "/orders/**" {
      proxy {
        backend = "orders"
      }
    }
  }
}

definitions {
  backend "orders" {
    origin = "https://orders.internal.example"
    set_request_headers = {
      Authorization = "Bearer ${backends.orders.beta_tokens.client}"
      X-Default-Token = backends.orders.beta_tokens.default
      X-Own-Token = backend.beta_token
      X-Named-Token = backend.beta_tokens.client
      X-Issuer-Token = backends.issuer.beta_token
    }

    oauth2 {
      token_endpoint = "https://login.example/oauth/token"
      backend = "issuer"
      client_id = "orders-gw"
      client_secret = env.ORDERS_SECRET
      grant_type = "client_credentials"
    }

    beta_token_request "client" {
      url = "https://login.example/oauth/token"
      backend = "issuer"
      form_body = {
        grant_type = "client_credentials"
        client_id = "orders-gw"
        client_secret = env.ORDERS_SECRET
        scope = "orders:read orders:write"
      }
      token = beta_token_response.json_body.access_token
      ttl = "${default(beta_token_response.json_body.expires_in, 600) - 30}s"
    }

    beta_token_request "default" {
      url = "/oauth/token"
      query_params = {
        tenant = "eu-1"
      }
      backend = "issuer"
      json_body = {
        grant_type = "password"
        username = "svc-orders"
        password = env.ORDERS_PASSWORD
      }
      token = beta_token_response.json_body.access_token
      ttl = "15m"
    }
  }

  backend "issuer" {
    origin = "https://login.example"
    set_request_headers = {
      X-Key-Id = backend.beta_token
    }

    // The issuer signs with a key that the key store hands out.
    beta_token_request {
      url = "https://vault.example/v1/keys/current"
      backend = "keystore"
      token = beta_token_response.body
      ttl = "1h"
    }
  }

  backend "keystore" {
    origin = "https://vault.example"
    timeout = "10s"
  }
}

settings {
  no_proxy_from_env = true
}

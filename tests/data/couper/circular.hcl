# Not a valid Couper configuration: "gateway" gets its token through "authserver",
# whose token request goes through "gateway" again. Couper refuses to start.
server {
  endpoint "/" {
    proxy {
      backend = "gateway"
    }
  }
}

definitions {
  backend "gateway" {
    origin = "https://gateway.example"
    oauth2 {
      token_endpoint = "https://as.example/token"
      backend = "authserver"
      client_id = "gw"
      client_secret = env.GW_SECRET
      grant_type = "client_credentials"
    }
  }

  backend "authserver" {
    origin = "https://as.example"
    beta_token_request {
      url = "https://gateway.example/bootstrap"
      backend = "gateway"
      token = beta_token_response.json_body.token
      ttl = "5m"
    }
  }
}

# Client authentication with signed JWTs (client_secret_jwt and private_key_jwt),
# and a second server that verifies such client assertions.
server "client" {
  api {
    endpoint "/hs" {
      proxy {
        backend = "hs"
      }
    }

    endpoint "/rs" {
      proxy {
        backend = "rs"
      }
    }
  }
}

server "authorization" {
  hosts = ["*:9090"]

  api {
    endpoint "/token" {
      access_control = ["client_assertion"]

      response {
        json_body = {
          access_token = "issued-for-${request.context.client_assertion.sub}"
          token_type   = "Bearer"
          expires_in   = 120
        }
      }
    }
  }
}

definitions {
  backend "hs" {
    origin = "https://hs.example"

    oauth2 {
      token_endpoint             = "https://login.example/token"
      grant_type                 = "client_credentials"
      client_id                  = "hs-client"
      client_secret              = env.HS_SECRET
      token_endpoint_auth_method = "client_secret_jwt"

      jwt_signing_profile {
        signature_algorithm = "HS256"
        ttl                 = "10s"
        claims = {
          jti = "hs-${unixtime()}"
          sub = to_lower(env.HS_SUBJECT)
          aud = "https://login.example"
        }
      }
    }
  }

  backend "rs" {
    origin = "https://rs.example"

    oauth2 {
      token_endpoint             = "https://login.example/token"
      grant_type                 = "client_credentials"
      client_id                  = "rs-client"
      token_endpoint_auth_method = "private_key_jwt"

      jwt_signing_profile {
        signature_algorithm = "ES256"
        key                 = env.RS_PRIVATE_KEY
        ttl                 = "1m"
        headers = {
          kid = "rs-2026"
        }
      }
    }
  }

  jwt "client_assertion" {
    token_value         = request.form_body.client_assertion[0]
    signature_algorithm = "HS256"
    key                 = env.HS_SECRET
    claims = {
      aud = "https://login.example"
    }
    required_claims = ["jti", "sub", "exp"]
  }
}

defaults {
  environment_variables = {
    HS_SECRET  = "change-me-to-at-least-32-bytes!!"
    HS_SUBJECT = "HS-CLIENT"
  }
}

server {
  api {
    endpoint "/profile" {
      request "profile" {
        backend = "profiles"
      }

      response {
        status    = backend_responses.profile.status
        json_body = backend_responses.profile.json_body
      }

      // Couper calls this handler when the token request of "profiles" fails.
      error_handler "beta_backend_token_request" {
        response {
          status = 503
          headers = {
            retry-after = "30"
          }
          json_body = {
            error = "token_unavailable"
          }
        }
      }
    }
  }
}

definitions {
  backend "profiles" {
    origin = "https://profiles.example"
    set_request_headers = {
      authorization = "Bearer ${backend.beta_tokens.service}"
    }

    beta_token_request "service" {
      url = "https://login.example/token"
      form_body = {
        grant_type    = "client_credentials"
        client_id     = "profiles"
        client_secret = env.PROFILES_SECRET
      }
      token = beta_token_response.json_body.access_token
      ttl   = "${beta_token_response.json_body.expires_in}s"
    }
  }
}

server {
  api {
    endpoint "/reports" {
      proxy {
        backend = "reports"
      }
    }

    endpoint "/archive" {
      proxy {
        backend = "archive"
      }
    }
  }
}

definitions {
  # The assertion is whatever the client sent us.
  backend "reports" {
    origin = "https://reports.example"

    oauth2 {
      token_endpoint = "https://login.example/token"
      grant_type     = "urn:ietf:params:oauth:grant-type:jwt-bearer"
      assertion      = request.headers.x-assertion # evaluated per request
    }
  }

  # The assertion is signed by Couper itself.
  backend "archive" {
    origin = "https://archive.example"

    oauth2 {
      token_endpoint = "https://login.example/token"
      grant_type     = "urn:ietf:params:oauth:grant-type:jwt-bearer"

      jwt_signing_profile {
        signature_algorithm = "HS256"
        key                 = env.ARCHIVE_ASSERTION_KEY
        ttl                 = "30s"
        claims = {
          iss = "couper"
          sub = "archive-reader"
          aud = "https://login.example/token"
        }
      }
    }
  }
}

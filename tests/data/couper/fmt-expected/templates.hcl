# Templates, heredocs, directives and functions in the places Couper allows them.
server "templates" {
  files {
    document_root = "./htdocs"
  }

  api {
    base_path = "/v1"

    endpoint "/greeting/{name}" {
      response {
        headers = {
          content-type = "text/plain"
          x-names      = join(",", [for n in split(",", request.query.names[0]) : trimspace(n)])
        }
        body = "Hello, %{if request.path_params.name != ""}${request.path_params.name}%{else}stranger%{endif}!"
      }
    }

    endpoint "/list" {
      response {
        body = <<EOT
Items:
%{for i, item in ["apple", "pear", "plum"]~}
  ${i + 1}. ${upper(item)}
%{endfor~}
Total: ${length(["apple", "pear", "plum"])}
EOT
      }
    }

    endpoint "/signed" {
      response {
        headers = {
          authorization = "Bearer ${jwt_sign("service_token", { sub = request.path_params.sub })}"
        }
        json_body = {
          nested = {
            list   = [1, 2, [3, 4], { five = 5 }]
            merged = merge({ a = 1 }, { b = [true, false, null] })
            ok     = request.method == "GET" ? "read" : "write"
          }
          encoded = base64_encode(json_encode({ user = "x" }))
          first   = coalesce(request.query.first, ["none"])[0]
        }
      }
    }

    endpoint "/indented" {
      response {
        body = <<-EOT
          %{~if request.query.verbose != null~}
          verbose: ${json_encode(request.query.verbose)}
          %{~endif~}
            kept two spaces deeper
          done
          EOT
      }
    }
  }
}

definitions {
  jwt_signing_profile "service_token" {
    signature_algorithm = "HS256"
    key                 = "this-key-is-only-corpus-material!"
    ttl                 = "5m"
    claims = {
      iss   = "couper"
      iat   = unixtime()
      roles = ["reader", /* inline comment */ "writer"]
    }
  }
}

# Mutual TLS towards the upstream. The certificates and the key are test material made
# for this corpus only; they protect nothing.
server "mtls" {
  hosts = ["*:8443"]

  tls {
    server_certificate {
      public_key_file  = "server.crt"
      private_key_file = "server.key"
    }

    client_certificate "partners" {
      ca_certificate_file   = "partners-ca.crt"
      leaf_certificate_file = "partner.crt"
    }
  }

  api {
    endpoint "/upstream" {
      proxy {
        backend = "upstream"
      }
    }
  }
}

definitions {
  backend "upstream" {
    origin                   = "https://upstream.example:9443"
    disable_connection_reuse = true

    tls {
      server_ca_certificate = <<-EOC
        -----BEGIN CERTIFICATE-----
        MIIBoDCCAUWgAwIBAgIUcB/PwrXHTcTEk47rYsCaCuPWIX4wCgYIKoZIzj0EAwIw
        JDEiMCAGA1UEAwwZVG9rZW5iZW5jaCBjb3JwdXMgdGVzdCBDQTAgFw0yNjEyMDMx
        MDE0MjBaGA8yMTI2MTEwOTEwMTQyMFowJDEiMCAGA1UEAwwZVG9rZW5iZW5jaCBj
        b3JwdXMgdGVzdCBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABBo77rgQw5HB
        T1XEoGwve5W8X93qaw0WrLnVFBS9Zz706aaxPVQr8kOaRttCsASXQPe9QOmFr4fX
        VYnF5Sl+++6jUzBRMB0GA1UdDgQWBBQ8BSTL41uTMMn+dbffC/X0QTJ9PTAfBgNV
        HSMEGDAWgBQ8BSTL41uTMMn+dbffC/X0QTJ9PTAPBgNVHRMBAf8EBTADAQH/MAoG
        CCqGSM49BAMCA0kAMEYCIQDqemDKiXILBs09OCfywKF7Dt1dANZw5JlesJWeD71g
        NwIhAM93R27sxTdstimm/IIvb71VvY/0+q8sHtTXluDOkP0e
        -----END CERTIFICATE-----
      EOC
      client_certificate    = <<-EOC
        -----BEGIN CERTIFICATE-----
        MIIBODCB3wIUTHn4ktI8B08cg2HKFBjznaA+/xQwCgYIKoZIzj0EAwIwJDEiMCAG
        A1UEAwwZVG9rZW5iZW5jaCBjb3JwdXMgdGVzdCBDQTAgFw0yNjEyMDMxMDE0MjFa
        GA8yMTI2MTEwOTEwMTQyMVowGDEWMBQGA1UEAwwNY29ycHVzLWNsaWVudDBZMBMG
        ByqGSM49AgEGCCqGSM49AwEHA0IABGW/HbbxdKgQr5XenVBw1l92NPB1TBd6kwtW
        NQX1Q0oMRcZGlKltHVkutS1WUgeW2VoG3S5ds/AWPUVTI9ogYiIwCgYIKoZIzj0E
        AwIDSAAwRQIgTqwPEnOgz8imG0mT8RdHUtusUnPx/JSY0LAXkFkUkCwCIQCCTY9V
        E6pL2dvZ8a4+xQJAUACIYGw61GEzFg2jZazWsw==
        -----END CERTIFICATE-----
      EOC
      client_private_key    = <<-KEY
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgiXTsAzVejRlpbVbr
        XFIuR23OnLhLjGSK6wd1cjft/sOhRANCAARlvx228XSoEK+V3p1QcNZfdjTwdUwX
        epMLVjUF9UNKDEXGRpSpbR1ZLrUtVlIHltlaBt0uXbPwFj1FUyPaIGIi
        -----END PRIVATE KEY-----
      KEY
    }
  }
}

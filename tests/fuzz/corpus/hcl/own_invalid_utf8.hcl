a = "ÿş"
# café
bÃ = <<EOT
í € À¯
EOT
c = 1 # â‚
#!/usr/bin/env bash
# Regenerates the committed protobuf classes of the Tribuo adapter from
# src/main/resources/protos/energy-gan-tribuo.proto, with the protoc that matches Tribuo 4.3.2's
# protobuf-java (3.25.6), fetched from Maven Central.
set -euo pipefail
cd "$(dirname "$0")"
version=3.25.6
classifier=linux-x86_64
mvn -B -q dependency:get -Dartifact=com.google.protobuf:protoc:${version}:exe:${classifier}
protoc=~/.m2/repository/com/google/protobuf/protoc/${version}/protoc-${version}-${classifier}.exe
chmod +x "$protoc"
find src/main/java/io/github/energygan/tribuo/protos -name "*.java" ! -name package-info.java -delete 2>/dev/null || true
"$protoc" --proto_path=src/main/resources/protos \
  --java_out=src/main/java src/main/resources/protos/energy-gan-tribuo.proto
echo "Regenerated src/main/java/io/github/energygan/tribuo/protos"

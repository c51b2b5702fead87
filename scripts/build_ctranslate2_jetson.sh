#!/usr/bin/env bash
# Build CTranslate2 with CUDA on a Jetson (JetPack 6: CUDA 12, cuDNN 9, Orin = sm_87) and
# install its Python wheel into the device's virtual environment, replacing PyPI's aarch64
# wheel (CPU only). The Whisper engine then runs with device="cuda",
# compute_type="int8_float16" on its own (speech.asr_whisper.choose_device). docs/speech.md.
#
#   scripts/build_ctranslate2_jetson.sh [VENV]        # default VENV: .venv
#
# Needs: JetPack 6 (nvcc under /usr/local/cuda), about 4 GB of free disk, an hour on an
# Orin Nano. CT2_VERSION: the tag to build (default: the version make setup installs);
# CTranslate2 4.5 and later need cuDNN 9, i.e. JetPack 6.1 or later.
set -euo pipefail

VENV=${1:-.venv}
CT2_VERSION=${CT2_VERSION:-v4.8.5}
CUDA_ARCH=${CUDA_ARCH:-8.7}
SRC=${SRC:-$HOME/src/CTranslate2}
JOBS=${JOBS:-$(nproc)}

die() { echo "build_ctranslate2_jetson: error: $*" >&2; exit 1; }

[ "$(uname -m)" = aarch64 ] || die "this is $(uname -m), not a Jetson (aarch64)"
[ -x /usr/local/cuda/bin/nvcc ] || die "no /usr/local/cuda/bin/nvcc: install JetPack 6 (nvidia-jetpack)"
[ -x "$VENV/bin/python" ] || die "no virtual environment at $VENV: run make setup first"
export PATH=/usr/local/cuda/bin:$PATH

sudo apt-get update -qq
sudo apt-get install -y -qq git cmake build-essential libcudnn9-dev-cuda-12

if [ ! -d "$SRC/.git" ]; then
    git clone --recursive --branch "$CT2_VERSION" --depth 1 \
        https://github.com/OpenNMT/CTranslate2.git "$SRC"
fi
cd "$SRC"
git submodule update --init --recursive

mkdir -p build && cd build
# OpenBLAS would be needed only for float32 on the CPU; the Jetson decodes on the GPU, and
# int8 CPU kernels come from ruy (WITH_RUY) when no GPU is free.
cmake .. -DCMAKE_BUILD_TYPE=Release \
    -DWITH_CUDA=ON -DWITH_CUDNN=ON -DWITH_MKL=OFF -DWITH_RUY=ON \
    -DCUDA_ARCH_LIST="$CUDA_ARCH" -DOPENMP_RUNTIME=COMP \
    -DCMAKE_INSTALL_PREFIX=/usr/local
make -j"$JOBS"
sudo make install
sudo ldconfig

cd ../python
"$VENV/bin/pip" install -q -r install_requirements.txt
"$VENV/bin/python" setup.py bdist_wheel
"$VENV/bin/pip" install --force-reinstall --no-deps dist/ctranslate2-*.whl

"$VENV/bin/python" - <<'PY'
import ctranslate2

n = ctranslate2.get_cuda_device_count()
print(f"ctranslate2 {ctranslate2.__version__}: {n} CUDA device(s)")
if n < 1:
    raise SystemExit("build_ctranslate2_jetson: error: the new build sees no CUDA device")
print("compute types on cuda:", sorted(ctranslate2.get_supported_compute_types("cuda")))
PY

# The dgmlab single-user image for a class that outgrows one server: Zero to JupyterHub (`singleuser.image`) or
# BinderHub. Debian 13 (trixie) has Node.js 20.19+ and the same Debian packages this project's CI installs; the image
# runs the very same install script as CI (.ci/install), registers the dgmlab kernel for every user
# (kernel:setup --system) and serves notebooks as the unprivileged user jovyan (uid 1000), as z2jh expects.
#
#   docker build -t dgmlab-singleuser .          (or: podman build -t dgmlab-singleuser .)
#   docker run --rm -p 8888:8888 dgmlab-singleuser   # a single-user server, for a check by hand
FROM debian:trixie

ENV DEBIAN_FRONTEND=noninteractive \
    DGMLAB_INSTALL_NODE=1 \
    DGMLAB_PRESET=full
RUN apt-get update -qq && apt-get install -y -qq ca-certificates && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/dgmlab
COPY . /opt/dgmlab
# The same install step as CI (Debian packages incl. jupyterhub-singleuser, npm ci, the native addon), then the kernel
# for every user: /usr/local/share/jupyter/kernels/dgmlab, importing dgmlab from /opt/dgmlab in any folder.
RUN bash .ci/install && npm run kernel:setup -- --system --no-install && rm -rf /var/lib/apt/lists/* /root/.npm

# Students get the student versions (solutions removed); `git pull` + regenerating never overwrites an edited notebook.
RUN useradd -m -u 1000 -s /bin/bash jovyan && node bin/dgmlab.js student --out /home/jovyan/course && chown -R jovyan /home/jovyan
USER jovyan
WORKDIR /home/jovyan
EXPOSE 8888
CMD ["jupyterhub-singleuser", "--ip=0.0.0.0", "--port=8888"]

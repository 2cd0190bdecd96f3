# GoldBot for replays, backtests and the gateway simulator (README, "Docker"). Not for live orders: Topstep requires orders from
# the trader's own device, and a container on a remote host is not that (README).
#   docker build -t goldbot .
#   docker run --rm -v "$PWD/../shared:/shared:ro" goldbot                                   # the default replay
#   docker run --rm -v "$PWD/../shared:/shared:ro" -v "$PWD/backtests:/goldbot/backtests" goldbot backtest
#   docker run --rm --network host -v "$PWD/../shared:/shared:ro" goldbot-sim --speed 120  (entrypoint: --entrypoint goldbot-sim)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props ./
COPY config/ config/
COPY src/ src/
RUN dotnet publish src/GoldBot -c Release --use-current-runtime -o /app/goldbot \
    && dotnet publish src/GoldBot.GatewaySimulator -c Release -o /app/goldbot-sim

FROM mcr.microsoft.com/dotnet/aspnet:10.0
COPY --from=build /app /app
RUN ln -s /app/goldbot/goldbot /usr/local/bin/goldbot \
    && ln -s /app/goldbot-sim/goldbot-sim /usr/local/bin/goldbot-sim \
    && mkdir -p /goldbot/logs /goldbot/backtests \
    && chown -R "$APP_UID" /goldbot
# The working directory holds logs/, backtests/ and the control files; ../shared (the bars and fixtures) is /shared, mounted
# read-only, so the default Replay:BarsFile (../shared/data/…) is found as in a clone.
WORKDIR /goldbot
USER $APP_UID
ENTRYPOINT ["goldbot"]

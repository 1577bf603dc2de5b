using Grpc.Core;
using Reintegration.HostEmulator.Rpc;

namespace Reintegration.HostEmulator.Emulator;

/// <summary>The gRPC service the worker connects to: its one bidirectional stream goes to the <see cref="WorkerChannel"/>.</summary>
public sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context) =>
        channel.ServeAsync(requestStream, responseStream, context.CancellationToken);
}

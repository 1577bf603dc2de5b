using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Reintegration.HostEmulator.Rpc;

namespace Reintegration.HostEmulator.Emulator;

/// <summary>
/// The host's end of the worker's event stream: sends messages to the worker, and pairs each answer with
/// the request that asked for it (by function id, invocation id or kind), as the host's channel does.
/// </summary>
public sealed class WorkerChannel
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);
    private readonly Channel<StreamingMessage> _outbound =
        Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _awaited = new();
    private readonly TaskCompletionSource<StartStream> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The worker's first message, once its stream is open.</summary>
    public Task<StartStream> Started => _started.Task;

    /// <summary>Completes when the worker's stream ends.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Every log the worker sent over the stream.</summary>
    public ConcurrentQueue<RpcLog> Logs { get; } = new();

    /// <summary>Serves one event stream (the worker opens one) until the worker or the emulator ends it.</summary>
    public async Task ServeAsync(
        IAsyncStreamReader<StreamingMessage> fromWorker,
        IServerStreamWriter<StreamingMessage> toWorker,
        CancellationToken cancellationToken)
    {
        var writing = WriteAsync(toWorker, cancellationToken);
        try
        {
            await foreach (var message in fromWorker.ReadAllAsync(cancellationToken))
            {
                Receive(message);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            // The worker process went away.
        }
        finally
        {
            _outbound.Writer.TryComplete();
            _closed.TrySetResult();
            foreach (var waiting in _awaited.Values)
            {
                waiting.TrySetException(new InvalidOperationException("The worker closed its event stream."));
            }
        }

        await writing;
    }

    /// <summary>Sends a message and waits for the worker's answer of the given key.</summary>
    public async Task<StreamingMessage> AskAsync(StreamingMessage message, string answerKey)
    {
        var answer = _awaited.GetOrAdd(
            answerKey, _ => new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _outbound.Writer.WriteAsync(message);
        try
        {
            return await answer.Task.WaitAsync(AnswerTimeout);
        }
        finally
        {
            _awaited.TryRemove(answerKey, out _);
        }
    }

    public ValueTask SendAsync(StreamingMessage message) => _outbound.Writer.WriteAsync(message);

    public static string InitKey => "init";

    public static string MetadataKey => "metadata";

    public static string LoadKey(string functionId) => "load:" + functionId;

    public static string InvocationKey(string invocationId) => "invocation:" + invocationId;

    private void Receive(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.StartStream => Start(message.StartStream),
            StreamingMessage.ContentOneofCase.WorkerInitResponse => InitKey,
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => MetadataKey,
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => LoadKey(message.FunctionLoadResponse.FunctionId),
            StreamingMessage.ContentOneofCase.InvocationResponse => InvocationKey(message.InvocationResponse.InvocationId),
            StreamingMessage.ContentOneofCase.RpcLog => Log(message.RpcLog),
            _ => null,
        };
        if (key is not null && _awaited.TryGetValue(key, out var waiting))
        {
            waiting.TrySetResult(message);
        }
    }

    private string? Start(StartStream start)
    {
        _started.TrySetResult(start);
        return null;
    }

    private string? Log(RpcLog log)
    {
        Logs.Enqueue(log);
        return null;
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> toWorker, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await toWorker.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
        }
    }
}
